package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.testing.EpisodeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Segmentation}: the reference file of the bundled episode, even splits, and what is refused. */
class SegmentationTest {

    @TempDir
    Path dir;

    @Test
    void theReferenceCoversEveryLineOfTheBundledEpisodeInEightToFifteenTitledSections() throws Exception {
        // GIVEN the reference segmentation shipped with the tests
        Segmentation reference = Segmentation.read(EvalResources.path("segments-yi-tay.json"));

        // THEN it covers lines 1 to the episode's last line, in 8–15 sections, each with a title
        assertThat(reference.lines()).isEqualTo(EpisodeFiles.episodeLines().size());
        assertThat(reference.sections()).hasSizeBetween(8, 15)
                .allSatisfy(s -> assertThat(s.title()).isNotBlank());
    }

    @Test
    void evenlySpacedSectionsDifferInLengthByAtMostOneLine() {
        // WHEN 227 lines are split into 13
        Segmentation even = Segmentation.evenlySpaced(227, 13);

        // THEN 13 sections cover them, of 17 or 18 lines
        assertThat(even.sections()).hasSize(13);
        assertThat(even.lines()).isEqualTo(227);
        assertThat(even.sections()).allSatisfy(s -> assertThat(s.lineEnd() - s.lineStart() + 1).isBetween(17, 18));
    }

    @Test
    void gapsOverlapsAndAStartAfterLineOneAreRefused() {
        // GIVEN sections that skip a line, overlap, or start at line 2
        // THEN each is refused with the line it expected
        assertThatThrownBy(() -> new Segmentation(List.of(section(1, 5), section(7, 9))))
                .hasMessageContaining("should start at line 6");
        assertThatThrownBy(() -> new Segmentation(List.of(section(1, 5), section(5, 9))))
                .hasMessageContaining("should start at line 6");
        assertThatThrownBy(() -> new Segmentation(List.of(section(2, 5)))).hasMessageContaining("should start at line 1");
        assertThatThrownBy(() -> new Segmentation(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileWithABadSectionFailsNamingTheFile() throws Exception {
        // GIVEN a JSON file whose second section leaves a gap, and one whose section has no lineEnd
        Path gap = Files.writeString(dir.resolve("gap.json"),
                "{\"sections\":[{\"lineStart\":1,\"lineEnd\":3},{\"lineStart\":5,\"lineEnd\":9}]}", StandardCharsets.UTF_8);
        Path missing = Files.writeString(dir.resolve("missing.json"), "{\"sections\":[{\"lineStart\":1}]}",
                StandardCharsets.UTF_8);

        // THEN reading either fails with the file and the reason
        assertThatThrownBy(() -> Segmentation.read(gap)).isInstanceOf(IOException.class)
                .hasMessageContaining("gap.json").hasMessageContaining("should start at line 4");
        assertThatThrownBy(() -> Segmentation.read(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining("lineEnd");
    }

    private static Segmentation.Section section(int start, int end) {
        return new Segmentation.Section(start, end, "");
    }
}
