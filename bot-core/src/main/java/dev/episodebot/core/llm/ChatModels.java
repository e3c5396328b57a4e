package dev.episodebot.core.llm;

import dev.episodebot.core.config.LlmConfig;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the chat model for {@code LLM_PROVIDER}. */
public final class ChatModels {

    private ChatModels() {}

    /** The configured model, or null when {@code LLM_PROVIDER=none}. */
    public static ChatModel create(LlmConfig config) {
        return switch (config.provider()) {
            case NONE -> null;
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(config.baseUrl().toString())
                    .apiKey(config.apiKey() == null ? "unused" : config.apiKey())
                    .modelName(config.model())
                    .temperature(0.1)
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(config.baseUrl().toString())
                    .modelName(config.model())
                    .temperature(0.1)
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }
}
