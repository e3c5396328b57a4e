package dev.episodebot.core.testing;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.embedding.EmbeddingModelProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds cores for tests from a root folder: {@code root/knowledge}, {@code root/cache} and
 * {@code root/data} (use a {@code @TempDir}), with extra variables on top, and the shared real
 * embedding model ({@link SharedEmbeddingModels}).
 */
public final class TestCores {

    private TestCores() {}

    /** {@code KNOWLEDGE_DIR}, {@code CACHE_DIR}, {@code DATA_DIR} under {@code root}, plus {@code extra}. */
    public static Env env(Path root, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("KNOWLEDGE_DIR", knowledgeDir(root).toString());
        values.put("CACHE_DIR", root.resolve("cache").toString());
        values.put("DATA_DIR", root.resolve("data").toString());
        values.putAll(extra);
        return new Env(values);
    }

    public static CoreConfig config(Path root, Map<String, String> extra) {
        return CoreConfig.from(env(root, extra));
    }

    public static CoreConfig config(Path root) {
        return config(root, Map.of());
    }

    public static Path knowledgeDir(Path root) {
        return root.resolve("knowledge");
    }

    /** A core with the shared model, the system clock and the LLM from the config; not indexed yet. */
    public static BotCore create(CoreConfig config) {
        return create(config, SharedEmbeddingModels.provider(), Clock.systemUTC());
    }

    /** A core with the given model provider and clock; the LLM comes from the config. Not indexed yet. */
    public static BotCore create(CoreConfig config, EmbeddingModelProvider models, Clock clock) {
        return BotCore.create(config, models, null, clock);
    }

    /**
     * A fast core for tests that need the whole pipeline but not real embeddings: the
     * {@link HashingEmbeddingModel} stands in for bge-small-zh. Not indexed yet.
     */
    public static BotCore hashing(Path root, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("EMBEDDING_MODEL", "bge-small-zh-q"));
        values.putAll(extra);
        return create(config(root, values), spec -> new HashingEmbeddingModel(spec.dimension()), Clock.systemUTC());
    }

    /** {@link #create(CoreConfig)} and a first refresh. */
    public static BotCore start(CoreConfig config) {
        BotCore core = create(config);
        core.refresh(dev.episodebot.core.index.IndexingListener.none());
        return core;
    }
}
