package dev.episodebot.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.index.VectorField;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dense side over Lucene's int8-quantized HNSW graph gives exact search's neighbours and exact
 * cosines: compared with brute force over the same vectors, on a knowledge folder of a few thousand
 * chunks.
 */
class DenseSearcherTest {

    private static final HashingEmbeddingModel MODEL = new HashingEmbeddingModel(512);

    @TempDir
    Path root;

    private KnowledgeBase knowledge;

    @BeforeEach
    void index() {
        // GIVEN 40 episodes made of shuffled lines of the real one
        Path dir = root.resolve("knowledge");
        List<String> lines = EpisodeFiles.episodeLines();
        Random random = new Random(11);
        for (int e = 0; e < 40; e++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                text.append(lines.get(random.nextInt(lines.size()))).append(lines.get(random.nextInt(lines.size())))
                        .append(" ").append(e).append('-').append(i).append('\n');
            }
            EpisodeFiles.write(dir, "e" + e + ".txt", text.toString());
        }
        knowledge = new KnowledgeBase(dir, root.resolve("cache"), EmbeddingModelChoice.BGE_SMALL_ZH,
                new KnowledgeLoader(new KnowledgeReader(10_000_000)), spec -> MODEL, List.of());
        knowledge.refresh(dev.episodebot.core.index.IndexingListener.none());
    }

    @AfterEach
    void close() {
        knowledge.close();
    }

    @Test
    void findsTheExactNeighboursWithExactCosines() {
        List<Chunk> chunks = knowledge.index().chunks();
        assertThat(chunks.size()).isGreaterThan(2000);
        List<float[]> all = new ArrayList<>();
        for (Chunk chunk : chunks) {
            all.add(VectorField.unit(MODEL.embed(TextSegment.from(chunk.text())).content().vector()));
        }
        Random random = new Random(5);
        int found = 0;
        int expected = 0;
        try (IndexView view = knowledge.acquire()) {
            DenseSearcher dense = new DenseSearcher(view);
            for (int q = 0; q < 30; q++) {
                // WHEN a query near some chunk is searched
                float[] query = all.get(random.nextInt(all.size())).clone();
                for (int j = 0; j < query.length; j += 7) {
                    query[j] += 0.05f * (float) random.nextGaussian();
                }
                float[] unit = VectorField.unit(query);
                List<ScoredChunk> hits = dense.search(query, 10);

                // THEN its hits are sorted by their exact cosine, and are (nearly all) the exact top 10
                for (ScoredChunk hit : hits) {
                    assertThat(hit.score()).isCloseTo(DenseSearcher.dot(unit, all.get(hit.ordinal())), within(1e-5));
                }
                assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
                Set<Integer> exact = exactTop(all, unit, 10);
                expected += exact.size();
                found += (int) hits.stream().filter(h -> exact.contains(h.ordinal())).count();
            }
        }
        assertThat((double) found / expected).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        KnowledgeBase empty = new KnowledgeBase(root.resolve("nothing"), null, EmbeddingModelChoice.BGE_SMALL_ZH,
                new KnowledgeLoader(new KnowledgeReader(10_000_000)), spec -> MODEL, List.of());
        empty.refresh(dev.episodebot.core.index.IndexingListener.none());
        try (IndexView view = empty.acquire()) {
            assertThat(new DenseSearcher(view).search(new float[512], 5)).isEmpty();
        }
        empty.close();
    }

    private static Set<Integer> exactTop(List<float[]> all, float[] query, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        double[] scores = all.stream().mapToDouble(v -> DenseSearcher.dot(query, v)).toArray();
        order.sort((a, b) -> Double.compare(scores[b], scores[a]));
        return new HashSet<>(order.subList(0, k));
    }
}
