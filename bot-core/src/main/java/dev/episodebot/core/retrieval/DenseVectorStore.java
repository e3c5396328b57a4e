package dev.episodebot.core.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A read-only langchain4j {@link EmbeddingStore} for one index snapshot: every vector normalised
 * once, held in contiguous {@code float[]} blocks (one per knowledge file, so a refresh reuses the
 * blocks of unchanged files without copying them), searched by brute-force dot products (equal to
 * cosine similarity on unit vectors). Scores are reported like {@code InMemoryEmbeddingStore}
 * reports them, {@code (cosine + 1) / 2}, so callers see the same numbers; unlike it, no norm is
 * recomputed per entry and no object is created per entry during a search. Searches need no lock.
 * The store is built whole ({@link #of}); the {@code add} methods are not supported.
 */
public final class DenseVectorStore implements EmbeddingStore<TextSegment> {

    private final int dimension;
    private final int size;
    private final float[][] blocks;
    /** The row of each block's first vector. */
    private final int[] firstRow;
    private final List<TextSegment> segments;

    private DenseVectorStore(int dimension, float[][] blocks, List<TextSegment> segments) {
        this.dimension = dimension;
        this.size = segments.size();
        this.blocks = blocks;
        this.firstRow = new int[blocks.length];
        int row = 0;
        for (int b = 0; b < blocks.length; b++) {
            firstRow[b] = row;
            row += dimension == 0 ? 0 : blocks[b].length / dimension;
        }
        if (row != size) {
            throw new IllegalArgumentException(row + " vectors for " + size + " segments");
        }
        this.segments = segments;
    }

    /**
     * A store over blocks made by {@link #normalisedBlock} (taken as they are, not copied): block
     * after block, their rows are the vectors of {@code segments} in order.
     */
    public static DenseVectorStore ofBlocks(List<TextSegment> segments, List<float[]> blocks, int dimension) {
        return new DenseVectorStore(dimension, blocks.toArray(new float[0][]), List.copyOf(segments));
    }

    /** Vectors normalised and laid end to end, for {@link #ofBlocks}. */
    public static float[] normalisedBlock(List<float[]> vectors, int dimension) {
        float[] block = new float[Math.multiplyExact(vectors.size(), dimension)];
        for (int i = 0; i < vectors.size(); i++) {
            float[] vector = vectors.get(i);
            if (vector.length != dimension) {
                throw new IllegalArgumentException("a vector of dimension " + vector.length + ", expected " + dimension);
            }
            double norm = 0;
            for (float v : vector) {
                norm += (double) v * v;
            }
            float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
            int offset = i * dimension;
            for (int j = 0; j < dimension; j++) {
                block[offset + j] = vector[j] * scale;
            }
        }
        return block;
    }

    /**
     * A store holding {@code vectors.get(i)} for {@code segments.get(i)}; the id of entry {@code i}
     * is {@code Integer.toString(i)}.
     */
    public static DenseVectorStore of(List<TextSegment> segments, List<float[]> vectors) {
        if (segments.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per segment");
        }
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        float[][] blocks = vectors.isEmpty() ? new float[0][] : new float[][] {normalisedBlock(vectors, dimension)};
        return new DenseVectorStore(dimension, blocks, List.copyOf(segments));
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        int k = Math.min(request.maxResults(), size);
        if (k <= 0) {
            return new EmbeddingSearchResult<>(List.of());
        }
        float[] query = request.queryEmbedding().vector();
        if (query.length != dimension) {
            throw new IllegalArgumentException("query of dimension " + query.length + ", store of " + dimension);
        }
        float[] q = normalised(query);
        double minCosine = 2 * request.minScore() - 1;
        Filter filter = request.filter();

        // the k best so far, a min-heap on score kept in two parallel arrays
        float[] heapScore = new float[k];
        int[] heapRow = new int[k];
        int filled = 0;
        for (int b = 0; b < blocks.length; b++) {
            float[] block = blocks[b];
            int rows = block.length / dimension;
            for (int local = 0; local < rows; local++) {
                float score = dot(q, block, local * dimension, dimension);
                if (filled == k && score <= heapScore[0]) {
                    continue;
                }
                int row = firstRow[b] + local;
                if (score < minCosine || (filter != null && !filter.test(segments.get(row).metadata()))) {
                    continue;
                }
                if (filled < k) {
                    int i = filled++;
                    heapScore[i] = score;
                    heapRow[i] = row;
                    siftUp(heapScore, heapRow, i);
                } else {
                    heapScore[0] = score;
                    heapRow[0] = row;
                    siftDown(heapScore, heapRow, filled);
                }
            }
        }
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            int row = heapRow[i];
            double relevance = (Math.max(-1, Math.min(1, heapScore[i])) + 1) / 2;
            matches.add(new EmbeddingMatch<>(relevance, Integer.toString(row), null, segments.get(row)));
        }
        matches.sort(Collections.reverseOrder((a, b) -> {
            int byScore = Double.compare(a.score(), b.score());
            // ties: the earlier entry first, as a stable brute-force scan would list them
            return byScore != 0 ? byScore : Integer.compare(Integer.parseInt(b.embeddingId()), Integer.parseInt(a.embeddingId()));
        }));
        return new EmbeddingSearchResult<>(matches);
    }

    /** The entry's vector as stored (normalised). */
    public float[] vector(int row) {
        int b = java.util.Arrays.binarySearch(firstRow, row);
        if (b < 0) {
            b = -b - 2;
        }
        while (b + 1 < firstRow.length && firstRow[b + 1] == row) {
            b++; // skip empty blocks
        }
        float[] v = new float[dimension];
        System.arraycopy(blocks[b], (row - firstRow[b]) * dimension, v, 0, dimension);
        return v;
    }

    /** Runs the scoring loop enough for the JIT to compile it (called while a model loads at start). */
    static float warmUp() {
        float[] q = new float[512];
        float[] m = new float[64 * 512];
        java.util.Arrays.fill(q, 0.01f);
        java.util.Arrays.fill(m, 0.02f);
        float sum = 0;
        for (int round = 0; round < 400; round++) {
            for (int row = 0; row < 64; row++) {
                sum += dot(q, m, row * 512, 512);
            }
        }
        return sum;
    }

    static float dot(float[] q, float[] m, int offset, int n) {
        // eight independent sums let the CPU overlap the multiply-adds (measured faster than one or four)
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            s0 += q[j] * m[offset + j];
            s1 += q[j + 1] * m[offset + j + 1];
            s2 += q[j + 2] * m[offset + j + 2];
            s3 += q[j + 3] * m[offset + j + 3];
            s4 += q[j + 4] * m[offset + j + 4];
            s5 += q[j + 5] * m[offset + j + 5];
            s6 += q[j + 6] * m[offset + j + 6];
            s7 += q[j + 7] * m[offset + j + 7];
        }
        for (; j < n; j++) {
            s0 += q[j] * m[offset + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private static void siftUp(float[] score, int[] row, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(score, row, i, parent)) {
                break;
            }
            swap(score, row, i, parent);
            i = parent;
        }
    }

    private static void siftDown(float[] score, int[] row, int n) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= n) {
                return;
            }
            int smallest = left;
            int right = left + 1;
            if (right < n && less(score, row, right, left)) {
                smallest = right;
            }
            if (!less(score, row, smallest, i)) {
                return;
            }
            swap(score, row, i, smallest);
            i = smallest;
        }
    }

    /** Heap order: lower score first; on equal scores the later row counts as lower (is evicted first). */
    private static boolean less(float[] score, int[] row, int a, int b) {
        return score[a] < score[b] || (score[a] == score[b] && row[a] > row[b]);
    }

    private static void swap(float[] score, int[] row, int a, int b) {
        float s = score[a];
        score[a] = score[b];
        score[b] = s;
        int r = row[a];
        row[a] = row[b];
        row[b] = r;
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("DenseVectorStore is a read-only snapshot; build a new one with of()");
    }

    @Override
    public String add(Embedding embedding) {
        throw readOnly();
    }

    @Override
    public void add(String id, Embedding embedding) {
        throw readOnly();
    }

    @Override
    public String add(Embedding embedding, TextSegment embedded) {
        throw readOnly();
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        throw readOnly();
    }
}
