package dev.episodebot.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The term mass one window of an episode holds: each distinct term once, in one window only. */
class EpisodeRouterTest {

    private static EpisodeRecord episode(String source, String... lines) {
        List<TranscriptLine> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            numbered.add(TranscriptLine.untimed(i + 1, lines[i]));
        }
        return new EpisodeRecord(source, null, null, source + "-hash", numbered, Map.of());
    }

    private static Map<String, Double> masses(String... termAndMass) {
        Map<String, Double> masses = new LinkedHashMap<>();
        for (int i = 0; i < termAndMass.length; i += 2) {
            masses.put(termAndMass[i], Double.parseDouble(termAndMass[i + 1]));
        }
        return masses;
    }

    @Test
    void aLineThatHoldsTheTermsTogetherBeatsLinesThatHoldThemApart() {
        // GIVEN the terms of 博士 (rare) and 谷歌 (common), one episode with both in one line, one with them in two
        // lines far apart, and one with 博士 twice
        Map<String, Double> masses = masses("博士", "3", "谷歌", "1");
        EpisodeRecord together = episode("together.txt", "开场", "他在谷歌读了博士", "结尾");
        EpisodeRecord apart = episode("apart.txt", "他读了博士", "中间", "中间", "中间", "后来去了谷歌");
        EpisodeRecord twice = episode("twice.txt", "博士 博士", "别的");
        EpisodeRouter router = new EpisodeRouter();

        // WHEN their best windows are measured
        // THEN a single line holds both only in the first; each term counts once however often it appears
        assertThat(router.bestWindow(together, masses, 1)).isEqualTo(4.0);
        assertThat(router.bestWindow(apart, masses, 1)).isEqualTo(3.0);
        assertThat(router.bestWindow(twice, masses, 1)).isEqualTo(3.0);
        // AND a window of three lines does not reach lines four apart, the whole episode does
        assertThat(router.bestWindow(apart, masses, 3)).isEqualTo(3.0);
        assertThat(router.bestWindow(apart, masses, apart.lines().size())).isEqualTo(4.0);
    }

    @Test
    void aTermLeavingTheWindowNoLongerCounts() {
        // GIVEN a term in the first line only and another in the last line only, two lines apart
        Map<String, Double> masses = masses("博士", "2", "谷歌", "1");
        EpisodeRecord episode = episode("e.txt", "博士", "中间", "谷歌");
        EpisodeRouter router = new EpisodeRouter();

        // WHEN windows of two lines slide over it
        double two = router.bestWindow(episode, masses, 2);

        // THEN no window holds both: the best is the rarer term alone
        assertThat(two).isEqualTo(2.0);
        assertThat(router.bestWindow(episode, masses, 3)).isEqualTo(3.0);
    }
}
