package dev.episodebot.core.render;

import static dev.episodebot.core.testing.ReplyFixtures.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Quote;
import dev.episodebot.core.testing.ReplyFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden renderings of the structured reply on the console ({@code ask}, {@code chat}). */
class PlainTextRendererTest {

    static List<ReplyFixtures.Fixture> fixtures() {
        return ReplyFixtures.all();
    }

    @Test
    void aChineseFactAnswerMarksItsAnsweringLineAndHasOneCitationLine() {
        assertThat(ReplyFixtures.chineseFact().text()).isEqualTo("""
                节目里是这样说的：
                > 此外
                » 这些成就是由不到 15 人的技术团队完成的
                > 个人层面
                > 这对我来说是一个极为紧张的时期
                —— episode-yi-tay-returns-to-google.txt · 第 113–116 行""");
    }

    @Test
    void anEnglishQuestionOverChineseKnowledgeSaysTheQuoteIsInTheOriginalLanguage() {
        assertThat(ReplyFixtures.englishOverChinese().text())
                .startsWith("Here is what the episode says (quoted in its original language):\n> 此外\n» 这些成就")
                .endsWith("\n— Yi Tay 重返 Google DeepMind · lines 113–116");
    }

    @Test
    void aListAnswerNumbersItsItemsAndSpellsOutTheLinks() {
        assertThat(ReplyFixtures.listOfThree().text()).isEqualTo("""
                节目提到了三位回到大厂的人 [1][2][3]：
                1. » Mustafa Suleyman 加入了微软
                [1] —— Yi Tay 重返谷歌 · 第 195 行 · 00:12:05 · https://www.youtube.com/watch?v=abc&t=195
                2. » David Luan 回到了亚马逊
                [2] —— Yi Tay 重返谷歌 · 第 199 行 · 00:12:31 · https://www.youtube.com/watch?v=abc&t=199
                3. » Noam Shazeer 重返谷歌
                [3] —— Yi Tay 重返谷歌 · 第 203 行 · 00:12:58 · https://www.youtube.com/watch?v=abc&t=203""");
    }

    @Test
    void aNotCoveredAnswerIsItsSentenceOnly() {
        BotReply reply = ReplyFixtures.notCovered();
        assertThat(reply.text()).isEqualTo(reply.lead()).doesNotContain(">", "»", "——");
    }

    @Test
    void aLongLlmAnswerIsFollowedByItsNumberedQuotes() {
        String text = ReplyFixtures.longAnswer().text();
        assertThat(text).startsWith("第 0 段：").contains("\n\n> 此外\n» 这些成就是由不到 15 人的技术团队完成的\n")
                .contains("\n[1] —— episode-yi-tay-returns-to-google.txt · 第 113–116 行")
                .endsWith("> 二零二三年\n» 我们发布了第一个模型\n[2] —— episode-yi-tay-returns-to-google.txt · 第 120–121 行");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyQuoteIsShownOnceWithItsAnsweringLineMarked(ReplyFixtures.Fixture fixture) {
        String text = fixture.reply().text();
        for (Quote quote : fixture.reply().quotes()) {
            for (int i = 0; i < quote.lines().size(); i++) {
                assertThat(occurrences(text, quote.lines().get(i))).as(quote.lines().get(i)).isEqualTo(1);
                String mark = i == quote.answerLine() ? PlainTextRenderer.ANSWER_MARK : PlainTextRenderer.QUOTE_MARK;
                assertThat(text).contains(mark + quote.lines().get(i));
            }
        }
    }

    @Test
    void hostileTextIsShownAsWrittenOnTheConsole() {
        String text = ReplyFixtures.hostile().text();
        assertThat(text).contains("> <b>not bold</b> & <script>alert(1)</script> &amp; &lt;")
                .contains("» @everyone @here")
                .contains("— **Title** <i>@everyone</i> · lines 7–10 · 00:00:07–00:00:19 · https://example.com/watch?a=1&b=\"2\"&t=7");
    }
}
