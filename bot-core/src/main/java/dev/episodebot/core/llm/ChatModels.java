package dev.episodebot.core.llm;

import dev.episodebot.core.config.LlmConfig;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/** Builds the chat models for {@code LLM_PROVIDER}: a blocking one, and a streaming one for answers. */
public final class ChatModels {

    private ChatModels() {}

    /** The configured model, or null when {@code LLM_PROVIDER=none}. */
    public static ChatModel create(LlmConfig config) {
        return switch (config.provider()) {
            case NONE -> null;
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(config.baseUrl().toString())
                    .apiKey(apiKey(config))
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

    /**
     * The configured model as a streaming one (OpenAI-compatible server-sent events, Ollama's
     * NDJSON stream), or null when {@code LLM_PROVIDER=none} or {@code LLM_STREAM=false}.
     */
    public static StreamingChatModel createStreaming(LlmConfig config) {
        if (!config.stream()) {
            return null;
        }
        return switch (config.provider()) {
            case NONE -> null;
            case OPENAI -> OpenAiStreamingChatModel.builder()
                    .baseUrl(config.baseUrl().toString())
                    .apiKey(apiKey(config))
                    .modelName(config.model())
                    .temperature(0.1)
                    .timeout(config.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .baseUrl(config.baseUrl().toString())
                    .modelName(config.model())
                    .temperature(0.1)
                    .timeout(config.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }

    private static String apiKey(LlmConfig config) {
        return config.apiKey() == null ? "unused" : config.apiKey();
    }
}
