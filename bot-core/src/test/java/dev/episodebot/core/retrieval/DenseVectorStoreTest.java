package dev.episodebot.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The contiguous store finds what langchain4j's InMemoryEmbeddingStore finds, with the same scores. */
class DenseVectorStoreTest {

    @Test
    void sameMatchesAndScoresAsInMemoryEmbeddingStore() {
        Random random = new Random(3);
        int size = 2000;
        int dimension = 64;
        List<TextSegment> segments = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            float[] v = new float[dimension];
            for (int j = 0; j < dimension; j++) {
                v[j] = (float) random.nextGaussian() * (1 + i % 3); // not normalised
            }
            segments.add(TextSegment.from("chunk " + i, new Metadata().put("ordinal", i)));
            vectors.add(v);
            embeddings.add(Embedding.from(v.clone()));
            ids.add(Integer.toString(i));
        }
        InMemoryEmbeddingStore<TextSegment> stock = new InMemoryEmbeddingStore<>();
        stock.addAll(ids, embeddings, segments);
        DenseVectorStore dense = DenseVectorStore.of(segments, vectors);

        for (int q = 0; q < 20; q++) {
            float[] query = new float[dimension];
            for (int j = 0; j < dimension; j++) {
                query[j] = (float) random.nextGaussian();
            }
            for (int k : new int[] {1, 5, 30}) {
                EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                        .queryEmbedding(Embedding.from(query)).maxResults(k).build();
                List<EmbeddingMatch<TextSegment>> expected = stock.search(request).matches();
                List<EmbeddingMatch<TextSegment>> actual = dense.search(request).matches();
                assertThat(actual).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(actual.get(i).embeddingId()).isEqualTo(expected.get(i).embeddingId());
                    assertThat(actual.get(i).embedded()).isEqualTo(expected.get(i).embedded());
                    assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-5));
                }
            }
        }
    }

    @Test
    void blocksPerFileSearchLikeOneMatrix() {
        Random random = new Random(5);
        List<TextSegment> segments = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            float[] v = new float[16];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian();
            }
            segments.add(TextSegment.from("chunk " + i));
            vectors.add(v);
        }
        List<float[]> blocks = List.of(DenseVectorStore.normalisedBlock(vectors.subList(0, 30), 16),
                new float[0], DenseVectorStore.normalisedBlock(vectors.subList(30, 31), 16),
                DenseVectorStore.normalisedBlock(vectors.subList(31, 100), 16));
        DenseVectorStore one = DenseVectorStore.of(segments, vectors);
        DenseVectorStore split = DenseVectorStore.ofBlocks(segments, blocks, 16);
        for (int q = 0; q < 10; q++) {
            float[] query = vectors.get(random.nextInt(100)).clone();
            query[0] += 0.5f;
            EmbeddingSearchRequest request = EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(query)).maxResults(7).build();
            assertThat(split.search(request).matches()).extracting(EmbeddingMatch::embeddingId)
                    .containsExactlyElementsOf(one.search(request).matches().stream().map(EmbeddingMatch::embeddingId).toList());
        }
        for (int row : new int[] {0, 29, 30, 31, 99}) {
            assertThat(split.vector(row)).containsExactly(one.vector(row), within(0f));
        }
    }

    @Test
    void respectsMinScoreAndSmallStores() {
        List<TextSegment> segments = List.of(TextSegment.from("a"), TextSegment.from("b"), TextSegment.from("c"));
        List<float[]> vectors = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {-1, 0});
        DenseVectorStore store = DenseVectorStore.of(segments, vectors);
        List<EmbeddingMatch<TextSegment>> all = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(new float[] {2, 0})).maxResults(10).build()).matches();
        assertThat(all).extracting(m -> m.embedded().text()).containsExactly("a", "b", "c");
        assertThat(all.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(all.get(1).score()).isCloseTo(0.5, within(1e-6));
        List<EmbeddingMatch<TextSegment>> good = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(new float[] {2, 0})).maxResults(10).minScore(0.6).build()).matches();
        assertThat(good).extracting(m -> m.embedded().text()).containsExactly("a");
        assertThat(DenseVectorStore.of(List.of(), List.of()).search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(new float[] {1, 0})).maxResults(3).build()).matches()).isEmpty();
        assertThatThrownBy(() -> store.add(Embedding.from(new float[] {1, 0}))).isInstanceOf(UnsupportedOperationException.class);
    }
}
