package dev.episodebot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.knowledge.Transcript;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge's language is read from its first 200,000 characters; a refresh that changes only
 * transcripts after those keeps the decision, one that changes them (or, when the sample read the
 * whole knowledge, any transcript) decides again, also after a restart.
 */
class KnowledgeLanguageTest {

    @TempDir
    Path temp;

    /** {@code lines} lines of 100 characters repeating {@code unit}. */
    private static String text(String unit, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append((unit.repeat(100 / unit.length() + 1)).substring(0, 96)).append(String.format("%04d", i)).append('\n');
        }
        return text.toString();
    }

    private static Transcript transcript(String source, String text) {
        List<TranscriptLine> lines = new ArrayList<>();
        text.lines().forEach(line -> lines.add(new TranscriptLine(lines.size() + 1, line, -1, -1)));
        return new Transcript(source, null, null, lines);
    }

    @Test
    void theSampleSaysWhichLeadingTranscriptsDecidedIt() {
        // GIVEN a first transcript longer than the sample, and a second one in another script
        Transcript big = transcript("a.txt", text("新加坡的研究团队", 2_100));
        Transcript english = transcript("b.txt", text("the research team ", 50));

        // WHEN both are sampled, then two short ones
        KnowledgeLanguage.Sample cut = KnowledgeLanguage.sample(List.of(big, english));
        KnowledgeLanguage.Sample whole = KnowledgeLanguage.sample(List.of(english, transcript("c.txt", text("伦敦", 3))));

        // THEN the first sample was cut in the first transcript; the second read everything
        assertThat(cut).isEqualTo(new KnowledgeLanguage.Sample(Language.ZH, 1));
        assertThat(whole).isEqualTo(new KnowledgeLanguage.Sample(Language.EN, 0));
    }

    @Test
    void aChangeWithinTheSampleDecidesAgainAfterARestartAndOnePastItKeepsTheDecision() throws IOException {
        // GIVEN a Chinese first file longer than the sample and an English second one, indexed by a first run
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Path a = Files.writeString(knowledge.resolve("a.txt"), text("新加坡的研究团队", 2_100), StandardCharsets.UTF_8);
        Path b = Files.writeString(knowledge.resolve("b.txt"), text("the research team ", 50), StandardCharsets.UTF_8);
        try (KnowledgeBase first = start(knowledge)) {
            first.refresh(IndexingListener.none());
            assertThat(first.index().language()).isEqualTo(Language.ZH);
        }

        try (KnowledgeBase second = start(knowledge)) {
            // WHEN a second run starts, then the file past the sample changes
            second.refresh(IndexingListener.none());
            assertThat(second.index().language()).isEqualTo(Language.ZH);
            Files.writeString(b, text("伦敦的办公室", 50), StandardCharsets.UTF_8);
            assertThat(second.refresh(IndexingListener.none()).applied()).isTrue();
            // THEN the decision stays
            assertThat(second.index().language()).isEqualTo(Language.ZH);

            // WHEN the first file, the whole sample, becomes English
            Files.writeString(a, text("the research team in London ", 2_100), StandardCharsets.UTF_8);
            second.refresh(IndexingListener.none());

            // THEN the knowledge is English
            assertThat(second.index().language()).isEqualTo(Language.EN);
        }

        // AND a restart after a change within the sample decides again too
        Files.writeString(a, text("新加坡的研究团队", 2_100), StandardCharsets.UTF_8);
        try (KnowledgeBase third = start(knowledge)) {
            third.refresh(IndexingListener.none());
            assertThat(third.index().language()).isEqualTo(Language.ZH);
        }
    }

    private static KnowledgeBase start(Path knowledge) {
        return new KnowledgeBase(knowledge, knowledge.resolveSibling("cache"), EmbeddingModelChoice.BGE_SMALL_ZH_Q,
                new KnowledgeLoader(new KnowledgeReader(10_000_000)), spec -> new HashingEmbeddingModel(512), List.of());
    }
}
