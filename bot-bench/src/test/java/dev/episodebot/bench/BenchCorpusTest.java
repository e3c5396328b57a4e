package dev.episodebot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.PlainTextParser;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.embedding.TokenCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCorpusTest {

    private static final Path EPISODE = Path.of("../knowledge/episode-yi-tay-returns-to-google.txt");

    @TempDir
    Path temp;

    @Test
    void everyChunkTextOfTheCorpusIsDistinct() throws Exception {
        BenchCorpus corpus = BenchCorpus.fromTranscript(EPISODE);
        EmbeddingModelSpec spec = EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q;
        try (TokenCounter tokens = new TokenCounter(spec)) {
            Chunker chunker = new Chunker(spec.chunking(), tokens, true);
            Set<String> texts = new HashSet<>();
            int chunks = 0;
            for (int e = 1; e <= 40; e++) {
                for (Chunk chunk : chunker.chunk(new PlainTextParser().parse(BenchCorpus.fileName(e), corpus.episodeText(e, 0)))) {
                    texts.add(chunk.text());
                    chunks++;
                }
            }
            assertThat(chunks).isGreaterThan(40 * 15);
            assertThat(texts).hasSize(chunks);
        }
    }

    @Test
    void episodesLookLikeTheRealOne() throws Exception {
        BenchCorpus corpus = BenchCorpus.fromTranscript(EPISODE);
        List<String> original = corpus.original();
        List<String> episode = corpus.episode(7, 0);
        assertThat(episode).hasSameSizeAs(original);
        double originalMean = original.stream().mapToInt(String::length).average().orElseThrow();
        double mean = episode.stream().mapToInt(String::length).average().orElseThrow();
        assertThat(mean).isBetween(originalMean * 0.85, originalMean * 1.15);
        assertThat(cjkShare(episode)).isBetween(cjkShare(original) * 0.8, cjkShare(original) * 1.2);
        assertThat(corpus.episode(7, 0)).isEqualTo(episode);
        assertThat(corpus.episode(8, 0)).isNotEqualTo(episode);
        assertThat(corpus.episode(7, 3)).doesNotContainAnyElementsOf(episode);
    }

    /** The share of letters that are CJK ideographs (what decides the language and the model). */
    private static double cjkShare(List<String> lines) {
        return dev.episodebot.core.index.KnowledgeLanguage.cjkShare(String.join("\n", lines));
    }

    @Test
    void anExistingCorpusIsReused() throws Exception {
        BenchCorpus corpus = BenchCorpus.fromTranscript(EPISODE);
        Path dir = temp.resolve("knowledge");
        assertThat(corpus.writeTo(dir, 3)).isTrue();
        assertThat(corpus.writeTo(dir, 3)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".txt")).count()).isEqualTo(3);
        }
        assertThat(corpus.writeTo(dir, 2)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".txt")).count()).isEqualTo(2);
        }
    }

    @Test
    void questionsAreDistinctAndStartWithTheDevelopmentQuestions() throws Exception {
        BenchCorpus corpus = BenchCorpus.fromTranscript(EPISODE);
        List<String> dev = BenchQuestions.devQuestions();
        assertThat(dev).hasSizeGreaterThan(20);
        List<String> questions = BenchQuestions.generate(corpus, 50, 200, dev, 7);
        assertThat(questions).hasSize(200).doesNotHaveDuplicates();
        assertThat(questions.subList(0, dev.size())).isEqualTo(dev);
    }
}
