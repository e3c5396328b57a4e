package dev.episodebot.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.knowledge.ChunkingOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary embedding cache file: layout, size, and damage it survives. */
class DiskEmbeddingCacheTest {

    private static final EmbeddingModelSpec MODEL = spec("test-model", 4);

    @TempDir
    Path dir;

    private static EmbeddingModelSpec spec(String id, int dimension) {
        return new EmbeddingModelSpec(id, id, dimension, 64, "", "unused.json", new ChunkingOptions(100, 10, 64));
    }

    private static List<String> texts(int n) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add("第" + i + "段文字");
        }
        return texts;
    }

    private static List<float[]> vectors(int n, int dimension) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = i + d / 10f;
            }
            vectors.add(v);
        }
        return vectors;
    }

    private static long expectedSize(EmbeddingModelSpec spec, int records) {
        return 14 + spec.id().getBytes(StandardCharsets.UTF_8).length + (long) records * (16 + 4L * spec.dimension());
    }

    private static void truncateBy(Path file, long bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - bytes);
        }
    }

    @Test
    void vectorsSurviveReopening() throws Exception {
        // GIVEN a cache holding three vectors
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, MODEL);
        cache.putAll(texts(3), vectors(3, 4));

        // WHEN it is opened again (a restart)
        DiskEmbeddingCache reopened = DiskEmbeddingCache.open(dir, MODEL);

        // THEN every vector is there, bit for bit, and unknown texts are not
        assertThat(reopened.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(reopened.get(texts(3).get(i))).containsExactly(vectors(3, 4).get(i));
        }
        assertThat(reopened.get("没见过的文字")).isNull();
    }

    @Test
    void fileIsBinaryWithAHeaderAndFixedSizeRecords() throws Exception {
        // GIVEN a cache with five vectors of dimension 4
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, MODEL);
        cache.putAll(texts(5), vectors(5, 4));

        // WHEN the file is inspected
        byte[] bytes = Files.readAllBytes(cache.file());

        // THEN it is named for the model, starts with the EBEC magic (not JSON), and is header + 5 × (16 + 4·4) bytes
        assertThat(cache.file().getFileName().toString()).isEqualTo("embeddings-test-model.bin");
        assertThat(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(0x45424543);
        assertThat(bytes[0]).isNotIn((byte) '{', (byte) '[');
        assertThat((long) bytes.length).isEqualTo(expectedSize(MODEL, 5));
    }

    @Test
    void aTextAlreadyCachedIsNotAppendedAgain() throws Exception {
        // GIVEN a cache with two vectors
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, MODEL);
        cache.putAll(texts(2), vectors(2, 4));

        // WHEN the same texts and one new text are put
        List<String> again = new ArrayList<>(texts(2));
        again.add("新的");
        cache.putAll(again, vectors(3, 4));

        // THEN only the new one took room in the file
        assertThat(Files.size(cache.file())).isEqualTo(expectedSize(MODEL, 3));
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void aTruncatedLastRecordIsDroppedAndTheFileRepaired() throws Exception {
        // GIVEN a cache file whose last record was cut short (a crash while appending)
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, MODEL);
        cache.putAll(texts(4), vectors(4, 4));
        truncateBy(cache.file(), 7);

        // WHEN it is opened
        DiskEmbeddingCache reopened = DiskEmbeddingCache.open(dir, MODEL);

        // THEN the three whole records are kept, the partial one is gone, and the file ends on a record boundary
        assertThat(reopened.size()).isEqualTo(3);
        assertThat(reopened.get(texts(4).get(3))).isNull();
        assertThat(Files.size(reopened.file())).isEqualTo(expectedSize(MODEL, 3));
        // AND appending afterwards gives a readable file again
        reopened.putAll(texts(4).subList(3, 4), vectors(4, 4).subList(3, 4));
        assertThat(DiskEmbeddingCache.open(dir, MODEL).size()).isEqualTo(4);
    }

    @Test
    void aFileWrittenForAnotherDimensionIsDiscarded() throws Exception {
        // GIVEN a cache file written by a model of the same name but another dimension
        DiskEmbeddingCache old = DiskEmbeddingCache.open(dir, MODEL);
        old.putAll(texts(3), vectors(3, 4));

        // WHEN the cache is opened for the 8-dimensional model
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, spec("test-model", 8));

        // THEN nothing of the old file is used and the file starts afresh
        assertThat(cache.size()).isZero();
        assertThat(cache.get(texts(3).get(0))).isNull();
        assertThat(cache.file()).doesNotExist();
    }

    @Test
    void aFileWithAnotherModelsIdIsDiscarded() throws Exception {
        // GIVEN another model's cache file (same dimension) under this model's file name
        DiskEmbeddingCache other = DiskEmbeddingCache.open(dir.resolve("other"), spec("other-model", 4));
        other.putAll(texts(3), vectors(3, 4));
        Files.copy(other.file(), dir.resolve("embeddings-test-model.bin"));

        // WHEN this model's cache is opened
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, MODEL);

        // THEN the foreign vectors are not used
        assertThat(cache.size()).isZero();
        assertThat(cache.get(texts(3).get(0))).isNull();
    }

    @Test
    void aDamagedHeaderStartsAFreshCache() throws Exception {
        // GIVEN a cache file that is too short to hold a header
        Files.write(dir.resolve("embeddings-test-model.bin"), new byte[] {'E', 'B'});

        // WHEN it is opened and used
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, MODEL);
        cache.putAll(texts(1), vectors(1, 4));

        // THEN it works as a new cache
        assertThat(DiskEmbeddingCache.open(dir, MODEL).size()).isEqualTo(1);
        assertThat(Files.size(cache.file())).isEqualTo(expectedSize(MODEL, 1));
    }

    @Test
    void vectorsOfTheWrongDimensionAreNotStored() throws Exception {
        // GIVEN a cache for dimension 4
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, MODEL);

        // WHEN a 3-dimensional vector is put
        cache.putAll(List.of("坏向量"), List.of(new float[3]));

        // THEN it is ignored
        assertThat(cache.get("坏向量")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void compactionKeepsOnlyLiveTextsWhenMostRecordsAreStale() throws Exception {
        // GIVEN 100 cached vectors of which only 10 texts are still in use
        DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, MODEL);
        cache.putAll(texts(100), vectors(100, 4));
        List<String> live = texts(100).subList(0, 10);

        // WHEN the cache is compacted
        cache.compact(live);

        // THEN the file holds exactly the live records, still readable after a restart
        assertThat(Files.size(cache.file())).isEqualTo(expectedSize(MODEL, 10));
        DiskEmbeddingCache reopened = DiskEmbeddingCache.open(dir, MODEL);
        assertThat(reopened.size()).isEqualTo(10);
        assertThat(reopened.get(live.get(9))).containsExactly(vectors(100, 4).get(9));
    }
}
