package dev.episodebot.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.episodebot.core.testing.LogCapture;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast-loaded models give the stock langchain4j models' vectors (so an existing embedding cache
 * stays valid), both on the first load (which optimises and saves the graph) and on later loads
 * (which read the saved graph with optimisation off).
 */
class FastOnnxEmbeddingModelTest {

    private static final List<TextSegment> TEXTS = List.of(
            TextSegment.from("大家好，这里是最佳拍档，我是大飞"),
            TextSegment.from("前谷歌大脑的高级研究科学家 Yi Tay 在离开 Google 勇闯 AI 创业圈 20 个月后发文表示"),
            TextSegment.from("为这个句子生成表示以用于检索相关文章：Yi Tay 为什么回到 Google？"),
            TextSegment.from("Why did Yi Tay go back to Google DeepMind after founding Reka?"),
            TextSegment.from("我胖了 30 斤\n11 月 26 日\nYi Tay 在社交平台 X 及个人博客上分享自己的最新决定"));

    private static ExecutorService executor;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void bgeSmallZhGivesTheStockVectors() throws Exception {
        sameVectors(EmbeddingModelSpec.BGE_SMALL_ZH_V15, temp.resolve("bge"));
    }

    @Test
    void allMiniLmGivesTheStockVectors() throws Exception {
        sameVectors(EmbeddingModelSpec.ALL_MINILM_L6_V2, temp.resolve("minilm"));
    }

    @Test
    void quantizedBgeSmallZhGivesTheStockVectors() throws Exception {
        sameVectors(EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q, temp.resolve("bge-q"));
    }

    @Test
    void aDamagedOptimisedModelIsNeverUsed() throws Exception {
        // GIVEN the optimised model saved by a first load
        EmbeddingModelSpec spec = EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q;
        Path dir = temp.resolve("damaged");
        List<Embedding> stock = EmbeddingModels.create(spec, executor).embedAll(TEXTS).content();
        FastOnnxEmbeddingModel.load(spec, dir, executor, 1);
        Path optimised;
        try (var files = Files.list(dir)) {
            optimised = files.filter(p -> p.toString().endsWith(".optimized.onnx")).findFirst().orElseThrow();
        }

        for (long offset : new long[] {Files.size(optimised) / 2, Files.size(optimised) - 1, 0}) {
            // WHEN one byte of its weights (or its header) is flipped and the model is loaded again
            flip(optimised, offset);
            try (LogCapture logs = LogCapture.of(FastOnnxEmbeddingModel.class)) {
                EmbeddingModel reloaded = FastOnnxEmbeddingModel.load(spec, dir, executor, 1);

                // THEN the damage is noticed in one line, the model is rebuilt from the jar, and its vectors are the stock ones
                assertThat(logs.messages()).filteredOn(line -> line.contains("failed its check")).hasSize(1);
                List<Embedding> vectors = reloaded.embedAll(TEXTS).content();
                for (int i = 0; i < TEXTS.size(); i++) {
                    assertThat(vectors.get(i).vector()).containsExactly(stock.get(i).vector(), within(2e-5f));
                }
            }
        }
    }

    private static void flip(Path file, long offset) throws Exception {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, offset);
        }
    }

    private static void sameVectors(EmbeddingModelSpec spec, Path dir) throws Exception {
        List<Embedding> stock = EmbeddingModels.create(spec, executor).embedAll(TEXTS).content();

        EmbeddingModel first = FastOnnxEmbeddingModel.load(spec, dir, executor, 1);
        try (var files = Files.list(dir)) {
            // the optimised graph and its check file; the extracted copy is gone
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(2)
                    .allMatch(name -> name.endsWith(".optimized.onnx") || name.endsWith(".optimized.onnx.check"));
        }
        EmbeddingModel later = FastOnnxEmbeddingModel.load(spec, dir, executor, 1);
        assertThat(first.dimension()).isEqualTo(spec.dimension());
        for (EmbeddingModel model : List.of(first, later)) {
            List<Embedding> fast = model.embedAll(TEXTS).content();
            for (int i = 0; i < TEXTS.size(); i++) {
                float[] a = stock.get(i).vector();
                float[] b = fast.get(i).vector();
                assertThat(b).hasSameSizeAs(a);
                for (int j = 0; j < a.length; j++) {
                    assertThat(b[j]).as("%s text %d dim %d", spec.id(), i, j).isCloseTo(a[j], within(2e-5f));
                }
            }
            // one text at a time (the query path) gives the batch's vector
            assertThat(model.embed(TEXTS.get(2).text()).content().vector())
                    .containsExactly(fast.get(2).vector(), within(1e-6f));
        }
    }
}
