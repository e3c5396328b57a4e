package dev.episodebot.core.embedding;

import dev.episodebot.core.knowledge.ChunkingOptions;

/**
 * An in-process embedding model and how to use it well.
 *
 * @param id stable identifier, part of the embedding cache key
 * @param displayName the model's usual name
 * @param dimension embedding size
 * @param maxTokens the model's input limit; longer input would be silently truncated
 * @param queryPrefix the instruction prefix the model wants on queries (empty when none)
 * @param tokenizerResource the tokenizer definition on the classpath
 * @param chunking chunk sizes that suit the model
 */
public record EmbeddingModelSpec(
        String id,
        String displayName,
        int dimension,
        int maxTokens,
        String queryPrefix,
        String tokenizerResource,
        ChunkingOptions chunking) {

    /** all-MiniLM-L6-v2: English; 67% of Chinese tokens become [UNK]; input truncated at 126 tokens. */
    public static final EmbeddingModelSpec ALL_MINILM_L6_V2 = new EmbeddingModelSpec(
            "all-minilm-l6-v2", "all-MiniLM-L6-v2", 384, 126, "", "all-minilm-l6-v2-tokenizer.json",
            new ChunkingOptions(400, 100, 126));

    /** bge-small-zh-v1.5: Chinese (and some English); 510 tokens; queries take an instruction prefix. */
    public static final EmbeddingModelSpec BGE_SMALL_ZH_V15 = new EmbeddingModelSpec(
            "bge-small-zh-v1.5", "bge-small-zh-v1.5", 512, 510, "为这个句子生成表示以用于检索相关文章：",
            "bge-small-zh-v1.5-tokenizer.json", new ChunkingOptions(200, 50, 510));

    /**
     * bge-small-zh-v1.5 with int8 weights (langchain4j's quantized twin): the same tokenizer, prefix
     * and dimension, about twice as fast on CPU; its vectors differ a little from the full model's,
     * so it has its own id (and index).
     */
    public static final EmbeddingModelSpec BGE_SMALL_ZH_V15_Q = new EmbeddingModelSpec(
            "bge-small-zh-v1.5-q", "bge-small-zh-v1.5 (int8)", 512, 510, "为这个句子生成表示以用于检索相关文章：",
            "bge-small-zh-v1.5-q-tokenizer.json", new ChunkingOptions(200, 50, 510));

    /** all-MiniLM-L6-v2 with int8 weights (langchain4j's quantized twin): same tokenizer and dimension. */
    public static final EmbeddingModelSpec ALL_MINILM_L6_V2_Q = new EmbeddingModelSpec(
            "all-minilm-l6-v2-q", "all-MiniLM-L6-v2 (int8)", 384, 126, "", "all-minilm-l6-v2-q-tokenizer.json",
            new ChunkingOptions(400, 100, 126));

    /** Every model the bot knows, for looking a spec up by id. */
    public static java.util.List<EmbeddingModelSpec> all() {
        return java.util.List.of(ALL_MINILM_L6_V2, ALL_MINILM_L6_V2_Q, BGE_SMALL_ZH_V15, BGE_SMALL_ZH_V15_Q);
    }

    /** The spec with this id, or null. */
    public static EmbeddingModelSpec byId(String id) {
        for (EmbeddingModelSpec spec : all()) {
            if (spec.id().equals(id)) {
                return spec;
            }
        }
        return null;
    }
}
