package dev.episodebot.core.retrieval;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable snapshot of everything retrieval needs: the chunks, their vectors in a
 * {@link DenseVectorStore} (a langchain4j {@code EmbeddingStore}), and the BM25 index. Built beside
 * the previous snapshot and swapped in whole, so a question never sees half an index.
 */
public final class KnowledgeIndex {

    /** Metadata key on each {@link TextSegment}: the chunk's position in {@link #chunks()}. */
    static final String ORDINAL = "ordinal";

    private final List<Chunk> chunks;
    private final List<TextSegment> segments;
    private final DenseVectorStore store;
    private final LexicalIndex lexical;
    private final EmbeddingModelSpec model;
    private final List<SourceSummary> sources;
    private final List<SkippedFile> skipped;
    private final Instant builtAt;
    private final Duration buildTime;
    private final double cjkShare;

    private KnowledgeIndex(List<Chunk> chunks, List<TextSegment> segments, DenseVectorStore store,
            LexicalIndex lexical, EmbeddingModelSpec model, List<SourceSummary> sources, List<SkippedFile> skipped,
            Instant builtAt, Duration buildTime, double cjkShare) {
        this.chunks = chunks;
        this.segments = segments;
        this.store = store;
        this.lexical = lexical;
        this.model = model;
        this.sources = sources;
        this.skipped = skipped;
        this.builtAt = builtAt;
        this.buildTime = buildTime;
        this.cjkShare = cjkShare;
    }

    /**
     * Builds an index.
     *
     * @param chunks the chunks, in a stable order
     * @param vectors one vector per chunk
     */
    public static KnowledgeIndex build(EmbeddingModelSpec model, List<Chunk> chunks, List<float[]> vectors,
            List<SourceSummary> sources, List<SkippedFile> skipped, Instant started) {
        List<String> texts = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            texts.add(chunk.text());
        }
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per chunk");
        }
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        List<float[]> blocks = vectors.isEmpty() ? List.of() : List.of(DenseVectorStore.normalisedBlock(vectors, dimension));
        return build(model, chunks, blocks, dimension, LexicalIndex.build(texts), sources, skipped, started);
    }

    /**
     * Builds an index around vector blocks ({@link DenseVectorStore#normalisedBlock}, rows in chunk
     * order) and a BM25 view that already hold the chunks (ordinal {@code i} is {@code chunks.get(i)}).
     */
    static KnowledgeIndex build(EmbeddingModelSpec model, List<Chunk> chunks, List<float[]> blocks, int dimension,
            LexicalIndex lexical, List<SourceSummary> sources, List<SkippedFile> skipped, Instant started) {
        if (lexical.size() != chunks.size()) {
            throw new IllegalArgumentException("the BM25 view holds " + lexical.size() + " chunks, not " + chunks.size());
        }
        List<TextSegment> segments = new ArrayList<>(chunks.size());
        StringBuilder sample = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            segments.add(TextSegment.from(chunk.text(), new Metadata().put(ORDINAL, i)));
            if (sample.length() < 200_000) {
                sample.append(chunk.text());
            }
        }
        DenseVectorStore store = DenseVectorStore.ofBlocks(segments, blocks, dimension);
        Instant now = Instant.now();
        return new KnowledgeIndex(List.copyOf(chunks), List.copyOf(segments), store, lexical, model,
                List.copyOf(sources), List.copyOf(skipped), now, Duration.between(started, now),
                EmbeddingModels.cjkShare(sample));
    }

    /** An index with nothing in it (no knowledge yet). */
    public static KnowledgeIndex empty(EmbeddingModelSpec model, List<SkippedFile> skipped) {
        return build(model, List.of(), List.of(), List.of(), skipped, Instant.now());
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }

    TextSegment segment(int ordinal) {
        return segments.get(ordinal);
    }

    static int ordinalOf(TextSegment segment) {
        Integer ordinal = segment.metadata().getInteger(ORDINAL);
        if (ordinal == null) {
            throw new IllegalStateException("segment without ordinal");
        }
        return ordinal;
    }

    /** The dense side, a langchain4j {@code EmbeddingStore}. */
    EmbeddingStore<TextSegment> store() {
        return store;
    }

    public LexicalIndex lexical() {
        return lexical;
    }

    public EmbeddingModelSpec model() {
        return model;
    }

    public List<SourceSummary> sources() {
        return sources;
    }

    public List<SkippedFile> skipped() {
        return skipped;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public Duration buildTime() {
        return buildTime;
    }

    /** The share of the knowledge's letters that are CJK ideographs. */
    public double cjkShare() {
        return cjkShare;
    }
}
