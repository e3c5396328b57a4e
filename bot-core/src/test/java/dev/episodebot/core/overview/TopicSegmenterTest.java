package dev.episodebot.core.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.eval.Pk;
import dev.episodebot.core.eval.Segmentation;
import dev.episodebot.core.index.TextAnalysis;
import dev.episodebot.core.testing.EpisodeFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TopicSegmenter} on its own: on synthetic texts whose topic changes are known (the check
 * that does not depend on the person's reference segmentation), and on degenerate input.
 */
class TopicSegmenterTest {

    /** Blocks of 6–30 lines, the length of real sections (the reference's are 5–35). */
    private static final int MIN_BLOCK = 6;
    private static final int MAX_BLOCK = 30;
    /** A block starts at least this many lines from where the previous one ended in the episode. */
    private static final int APART = 40;
    private static final int SEEDS = 20;

    private final TopicSegmenter segmenter = new TopicSegmenter();

    /**
     * A text made as in Choi (2000): contiguous blocks cut from distant places of the bundled episode
     * and joined, so that each join is a topic change; {@code blockStarts} are the 1-based first lines of the blocks.
     */
    private record Synthetic(List<String> lines, List<Integer> blockStarts) {

        static Synthetic of(List<String> episode, long seed) {
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            int previousEnd = -APART;
            while (lines.size() < episode.size()) {
                int length = MIN_BLOCK + random.nextInt(MAX_BLOCK - MIN_BLOCK + 1);
                int from;
                do {
                    from = random.nextInt(episode.size() - length);
                } while (Math.abs(from - previousEnd) < APART);
                starts.add(lines.size() + 1);
                lines.addAll(episode.subList(from, from + length));
                previousEnd = from + length;
            }
            return new Synthetic(lines, starts);
        }
    }

    private List<Integer> starts(List<String> lines) {
        return segmenter.starts(lines.stream().map(TextAnalysis::terms).toList());
    }

    @Test
    void findsTheJoinsOfBlocksCutFromDistantPlacesFarBetterThanEvenSpacing() {
        // GIVEN 20 synthetic texts of the bundled episode's length, each made of blocks cut from distant places
        List<String> episode = EpisodeFiles.episodeLines();
        double ours = 0;
        double even = 0;
        int joins = 0;
        int found = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            Synthetic text = Synthetic.of(episode, seed);

            // WHEN each is segmented
            List<Integer> starts = starts(text.lines()).stream().map(i -> i + 1).toList();

            Segmentation truth = Segmentation.startingAt(text.lines().size(), text.blockStarts());
            ours += Pk.score(truth, Segmentation.startingAt(text.lines().size(), starts));
            even += Pk.score(truth, Segmentation.evenlySpaced(text.lines().size(), starts.size()));
            for (int join : text.blockStarts().subList(1, text.blockStarts().size())) {
                joins++;
                if (starts.stream().anyMatch(s -> Math.abs(s - join) <= 3)) {
                    found++;
                }
            }
        }
        ours /= SEEDS;
        even /= SEEDS;
        double recall = (double) found / joins;
        System.out.printf("synthetic joins: Pk %.3f, evenly spaced %.3f, joins found within 3 lines %.2f%n", ours, even, recall);

        // THEN judged against the joins by Pk, the sections beat evenly spaced ones of the same number
        // clearly, and most joins have a section start within three lines
        assertThat(ours).isLessThan(even - 0.07);
        assertThat(recall).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void twoBlocksWithNoWordInCommonAreSplitAtTheirJoin() {
        // GIVEN 30 lines about one thing followed by 30 lines about another, with no term in common
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(i % 2 == 0 ? "今天的天气预报说明天下雨" : "气温下降注意保暖带伞出门");
        }
        for (int i = 0; i < 30; i++) {
            lines.add(i % 2 == 0 ? "球队在比赛中赢得冠军奖杯" : "教练表扬球员发挥出色");
        }

        // WHEN they are segmented
        List<Integer> starts = starts(lines);

        // THEN there are two sections, the second starting at the join
        assertThat(starts).containsExactly(0, 30);
    }

    @Test
    void anEmptyOneLineOrTermlessTextIsOneSection() {
        assertThat(starts(List.of())).containsExactly(0);
        assertThat(starts(List.of("只有一行"))).containsExactly(0);
        assertThat(starts(List.of("。", "……", "？"))).containsExactly(0);
    }
}
