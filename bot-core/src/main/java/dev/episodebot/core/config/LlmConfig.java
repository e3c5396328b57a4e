package dev.episodebot.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The LLM settings.
 *
 * @param provider none, openai or ollama
 * @param baseUrl the endpoint ({@code LLM_BASE_URL})
 * @param apiKey the key ({@code LLM_API_KEY}); never logged
 * @param model the model name ({@code LLM_MODEL})
 * @param timeout how long one LLM call may take before the extractive answer is used ({@code LLM_TIMEOUT})
 * @param contextTokens the most transcript tokens one question's prompt carries ({@code LLM_CONTEXT_TOKENS})
 * @param stream whether answers are streamed as the model writes them ({@code LLM_STREAM})
 */
public record LlmConfig(LlmProvider provider, URI baseUrl, String apiKey, String model, Duration timeout,
        int contextTokens, boolean stream) {

    /** {@code LLM_CONTEXT_TOKENS} unless set. */
    public static final int DEFAULT_CONTEXT_TOKENS = 8000;

    public static final String OPENAI_DEFAULT_URL = "https://api.openai.com/v1";
    public static final String OLLAMA_DEFAULT_URL = "http://localhost:11434";

    /** No LLM. */
    public static LlmConfig none() {
        return new LlmConfig(LlmProvider.NONE, null, null, null, Duration.ofSeconds(30), DEFAULT_CONTEXT_TOKENS, true);
    }

    /** The same settings with another {@code LLM_CONTEXT_TOKENS}. */
    public LlmConfig withContextTokens(int tokens) {
        return new LlmConfig(provider, baseUrl, apiKey, model, timeout, tokens, stream);
    }

    public boolean enabled() {
        return provider != LlmProvider.NONE;
    }

    static LlmConfig from(Env env) {
        LlmProvider provider = LlmProvider.valueOf(
                env.choice("LLM_PROVIDER", "none", Set.of("none", "openai", "ollama")).toUpperCase(java.util.Locale.ROOT));
        Duration timeout = env.duration("LLM_TIMEOUT", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(10));
        int contextTokens = env.integer("LLM_CONTEXT_TOKENS", DEFAULT_CONTEXT_TOKENS, 500, 1_000_000);
        boolean stream = env.bool("LLM_STREAM", true);
        if (provider == LlmProvider.NONE) {
            return new LlmConfig(provider, null, null, null, timeout, contextTokens, stream);
        }
        String defaultUrl = provider == LlmProvider.OPENAI ? OPENAI_DEFAULT_URL : OLLAMA_DEFAULT_URL;
        URI baseUrl = env.httpUrl("LLM_BASE_URL").orElse(URI.create(defaultUrl));
        Optional<String> apiKey = env.secret("LLM_API_KEY");
        if (provider == LlmProvider.OPENAI && apiKey.isEmpty() && baseUrl.toString().equals(OPENAI_DEFAULT_URL)) {
            throw new ConfigException("LLM_API_KEY must be set when LLM_PROVIDER=openai talks to api.openai.com.");
        }
        String model = env.get("LLM_MODEL").orElseGet(() -> {
            if (provider == LlmProvider.OPENAI && baseUrl.toString().equals(OPENAI_DEFAULT_URL)) {
                return "gpt-4o-mini";
            }
            throw new ConfigException("LLM_MODEL must name the model to use when LLM_PROVIDER=" + provider.name().toLowerCase(java.util.Locale.ROOT) + ".");
        });
        return new LlmConfig(provider, baseUrl, apiKey.orElse(null), model, timeout, contextTokens, stream);
    }

    @Override
    public String toString() {
        return "LlmConfig[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", model=" + model + ", timeout=" + timeout + ", contextTokens=" + contextTokens + ", stream=" + stream + "]";
    }
}
