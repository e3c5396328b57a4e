package dev.episodebot.app;

import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.config.Env;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options shared by every command. Each one can also be set as the environment variable named in
 * its description; an option on the command line wins. The LLM key is only read from the
 * environment ({@code LLM_API_KEY}), never from the command line, so it stays out of shell history
 * and process lists.
 */
public final class CoreOptions {

    @Option(names = "--knowledge-dir", paramLabel = "DIR", description = "Transcript folder (KNOWLEDGE_DIR, default ./knowledge).")
    String knowledgeDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Embedding cache folder (CACHE_DIR, default ./.cache).")
    String cacheDir;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Feedback and adapter state (DATA_DIR, default ./data).")
    String dataDir;

    @Option(names = "--embedding-model", paramLabel = "MODEL", description = "auto | minilm | bge-small-zh (EMBEDDING_MODEL, default auto).")
    String embeddingModel;

    @Option(names = "--llm-provider", paramLabel = "NAME", description = "none | openai | ollama (LLM_PROVIDER, default none).")
    String llmProvider;

    @Option(names = "--llm-base-url", paramLabel = "URL", description = "LLM endpoint (LLM_BASE_URL).")
    String llmBaseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "LLM model name (LLM_MODEL).")
    String llmModel;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS", description = "LLM time budget per question (LLM_TIMEOUT, default 30).")
    String llmTimeout;

    /** The environment with command-line options applied. */
    Env env(Env base) {
        Map<String, String> overrides = new HashMap<>();
        put(overrides, "KNOWLEDGE_DIR", knowledgeDir);
        put(overrides, "CACHE_DIR", cacheDir);
        put(overrides, "DATA_DIR", dataDir);
        put(overrides, "EMBEDDING_MODEL", embeddingModel);
        put(overrides, "LLM_PROVIDER", llmProvider);
        put(overrides, "LLM_BASE_URL", llmBaseUrl);
        put(overrides, "LLM_MODEL", llmModel);
        put(overrides, "LLM_TIMEOUT", llmTimeout);
        return base.with(overrides);
    }

    /** The validated core configuration; throws {@code ConfigException} naming a bad variable. */
    CoreConfig config(Env base) {
        return CoreConfig.from(env(base));
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
