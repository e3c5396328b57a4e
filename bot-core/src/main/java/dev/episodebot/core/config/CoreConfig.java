package dev.episodebot.core.config;

import dev.episodebot.core.support.SecretRedactor;
import java.nio.file.Path;

/**
 * Everything the core is built from, validated.
 *
 * @param knowledgeDir {@code KNOWLEDGE_DIR}: transcripts to answer from
 * @param cacheDir {@code CACHE_DIR}: the embedding cache
 * @param dataDir {@code DATA_DIR}: feedback and adapter state
 * @param embeddingModel {@code EMBEDDING_MODEL}
 * @param llm the {@code LLM_*} settings
 * @param admins {@code BOT_ADMINS}
 * @param rateLimitPerMinute {@code RATE_LIMIT_PER_MINUTE}: questions per user per minute
 * @param maxQuestionChars {@code MAX_QUESTION_CHARS}: longer questions are refused politely
 * @param maxInFlight {@code MAX_IN_FLIGHT}: questions answered at once; more wait in a bounded queue
 * @param maxQueued {@code MAX_QUEUED}: questions waiting; past it the bot replies that it is busy
 * @param knowledgeWatch {@code KNOWLEDGE_WATCH}: refresh when the knowledge folder changes
 * @param maxFileBytes {@code KNOWLEDGE_MAX_FILE_MB}: larger knowledge files are skipped
 * @param maxAnswerChars {@code MAX_ANSWER_CHARS}: an LLM answer is cut at this many characters
 * @param secrets the configured tokens and keys ({@code TELEGRAM_BOT_TOKEN}, {@code DISCORD_TOKEN},
 *     {@code LLM_API_KEY}, any {@code *_TOKEN}, …), masked in replies and logs
 */
public record CoreConfig(
        Path knowledgeDir,
        Path cacheDir,
        Path dataDir,
        EmbeddingModelChoice embeddingModel,
        LlmConfig llm,
        AdminList admins,
        int rateLimitPerMinute,
        int maxQuestionChars,
        int maxInFlight,
        int maxQueued,
        boolean knowledgeWatch,
        long maxFileBytes,
        int maxAnswerChars,
        SecretRedactor secrets) {

    /** Reads and validates every core variable; throws {@link ConfigException} on the first bad one. */
    public static CoreConfig from(Env env) {
        return new CoreConfig(
                env.path("KNOWLEDGE_DIR", "knowledge"),
                env.path("CACHE_DIR", ".cache"),
                env.path("DATA_DIR", "data"),
                EmbeddingModelChoice.parse(env),
                LlmConfig.from(env),
                AdminList.parse("BOT_ADMINS", env.get("BOT_ADMINS").orElse(null)),
                env.integer("RATE_LIMIT_PER_MINUTE", 10, 1, 10_000),
                env.integer("MAX_QUESTION_CHARS", 2000, 10, 100_000),
                env.integer("MAX_IN_FLIGHT", Math.max(2, Runtime.getRuntime().availableProcessors() * 2), 1, 1024),
                env.integer("MAX_QUEUED", 256, 0, 100_000),
                env.bool("KNOWLEDGE_WATCH", true),
                env.integer("KNOWLEDGE_MAX_FILE_MB", 20, 1, 2048) * 1024L * 1024L,
                env.integer("MAX_ANSWER_CHARS", 4000, 200, 100_000),
                SecretRedactor.fromEnv(env));
    }

    /** Defaults for a knowledge folder, as used by tests and tools. */
    public static CoreConfig defaults(Path knowledgeDir, Path cacheDir, Path dataDir) {
        return from(new Env(java.util.Map.of(
                "KNOWLEDGE_DIR", knowledgeDir.toString(),
                "CACHE_DIR", cacheDir.toString(),
                "DATA_DIR", dataDir.toString())));
    }

    public CoreConfig withLlm(LlmConfig newLlm) {
        return new CoreConfig(knowledgeDir, cacheDir, dataDir, embeddingModel, newLlm, admins, rateLimitPerMinute,
                maxQuestionChars, maxInFlight, maxQueued, knowledgeWatch, maxFileBytes, maxAnswerChars, secrets);
    }

    public CoreConfig withAdmins(AdminList newAdmins) {
        return new CoreConfig(knowledgeDir, cacheDir, dataDir, embeddingModel, llm, newAdmins, rateLimitPerMinute,
                maxQuestionChars, maxInFlight, maxQueued, knowledgeWatch, maxFileBytes, maxAnswerChars, secrets);
    }

    public CoreConfig withEmbeddingModel(EmbeddingModelChoice choice) {
        return new CoreConfig(knowledgeDir, cacheDir, dataDir, choice, llm, admins, rateLimitPerMinute,
                maxQuestionChars, maxInFlight, maxQueued, knowledgeWatch, maxFileBytes, maxAnswerChars, secrets);
    }

    public CoreConfig withRateLimitPerMinute(int perMinute) {
        return new CoreConfig(knowledgeDir, cacheDir, dataDir, embeddingModel, llm, admins, perMinute,
                maxQuestionChars, maxInFlight, maxQueued, knowledgeWatch, maxFileBytes, maxAnswerChars, secrets);
    }
}
