package dev.episodebot.core.config;

/** {@code EMBEDDING_MODEL}: which in-process embedding model embeds the knowledge. */
public enum EmbeddingModelChoice {
    /** The Chinese model when the knowledge is mostly CJK (see {@code EmbeddingModels.choose}), all-MiniLM-L6-v2 otherwise. */
    AUTO,
    /** all-MiniLM-L6-v2 (English). */
    MINILM,
    /** bge-small-zh-v1.5 (Chinese, some English). */
    BGE_SMALL_ZH,
    /** bge-small-zh-v1.5 with int8 weights: faster to embed, slightly different vectors. */
    BGE_SMALL_ZH_Q;

    static EmbeddingModelChoice parse(Env env) {
        String value = env.choice("EMBEDDING_MODEL", "auto",
                java.util.Set.of("auto", "minilm", "bge-small-zh", "bge-small-zh-q"));
        return switch (value) {
            case "minilm" -> MINILM;
            case "bge-small-zh" -> BGE_SMALL_ZH;
            case "bge-small-zh-q" -> BGE_SMALL_ZH_Q;
            default -> AUTO;
        };
    }
}
