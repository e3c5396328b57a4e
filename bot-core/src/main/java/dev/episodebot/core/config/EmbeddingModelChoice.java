package dev.episodebot.core.config;

/** {@code EMBEDDING_MODEL}: which in-process embedding model embeds the knowledge. */
public enum EmbeddingModelChoice {
    /** bge-small-zh-v1.5 when the knowledge is mostly CJK, all-MiniLM-L6-v2 otherwise. */
    AUTO,
    /** all-MiniLM-L6-v2 (English). */
    MINILM,
    /** bge-small-zh-v1.5 (Chinese, some English). */
    BGE_SMALL_ZH;

    static EmbeddingModelChoice parse(Env env) {
        String value = env.choice("EMBEDDING_MODEL", "auto", java.util.Set.of("auto", "minilm", "bge-small-zh"));
        return switch (value) {
            case "minilm" -> MINILM;
            case "bge-small-zh" -> BGE_SMALL_ZH;
            default -> AUTO;
        };
    }
}
