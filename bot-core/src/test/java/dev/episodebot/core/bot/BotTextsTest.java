package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.index.SourceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The informational replies stay bounded whatever the knowledge holds (the red-team's 600 KB
 * {@code title:} made {@code /help} 147 messages; 20,000 files made {@code /sources} 225).
 */
class BotTextsTest {

    private static final String HUGE_TITLE = "巨长的标题".repeat(120_000); // 600,000 characters

    private static List<SourceSummary> files(int count) {
        List<SourceSummary> files = new ArrayList<>();
        files.add(new SourceSummary("huge/" + "n".repeat(5000) + ".txt", HUGE_TITLE, 10, 1));
        IntStream.range(1, count).forEach(i -> files.add(new SourceSummary("ep" + i + ".txt", "Episode " + i, 10, 2)));
        return files;
    }

    @Test
    void helpNamesAFewShortenedTitlesWhateverTheKnowledge() {
        // GIVEN 20,000 episodes, the first with a 600 KB title
        List<String> titles = files(20_000).stream().map(SourceSummary::title).toList();

        // WHEN help is rendered
        BotReply help = BotTexts.help(Language.EN, titles);

        // THEN it fits in one message of any platform, names five episodes and says how many more there are
        assertThat(help.kind()).isEqualTo(ReplyKind.HELP);
        assertThat(help.text().length()).isLessThan(2000);
        assertThat(help.text()).contains("Episode 4").doesNotContain("Episode 5,").contains("and 19,995 more episodes");
        assertThat(help.items()).hasSize(BotCommand.values().length);
        assertThat(BotTexts.help(Language.ZH, titles).text()).contains("等 19,995 个节目").hasSizeLessThan(2000);
    }

    @Test
    void sourcesOutsideADirectChatIsASummaryThatFitsOneMessage() {
        // GIVEN 20,000 files
        // WHEN /sources is asked in a group
        BotReply summary = BotTexts.sources(Language.EN, files(20_000), false);

        // THEN the counts, the first ten (shortened) and a pointer to the full list, in one short text
        assertThat(summary.kind()).isEqualTo(ReplyKind.SOURCES);
        assertThat(summary.text().length()).isLessThan(2000);
        assertThat(summary.text()).startsWith("I know 20,000 files with 39,999 chunks in all:")
                .contains("• Episode 9 (2 chunks)").doesNotContain("Episode 10 ")
                .contains("… and 19,990 more").endsWith("Send me /sources in a direct message for the full list.");
        assertThat(summary.text().lines().filter(l -> l.contains("(1 chunk)"))).hasSize(1);
    }

    @Test
    void sourcesInADirectChatListsEveryFileShortened() {
        BotReply full = BotTexts.sources(Language.EN, files(20_000), true);
        assertThat(full.items()).hasSize(20_000);
        assertThat(full.items()).allSatisfy(item -> assertThat(item.text().length()).isLessThan(200));
        assertThat(full.items().get(1).text()).isEqualTo("Episode 1 — ep1.txt (2 chunks)");
        assertThat(full.items().get(0).text()).endsWith("… (1 chunk)");
    }

    @Test
    void anEmptyFolderSaysSo() {
        assertThat(BotTexts.sources(Language.ZH, List.of(), true).text()).isEqualTo("知识库是空的。");
        assertThat(BotTexts.help(Language.EN, List.of()).text()).startsWith("I don't know any episode yet.");
    }
}
