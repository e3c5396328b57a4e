package dev.episodebot.core.testing;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Item;
import dev.episodebot.core.Language;
import dev.episodebot.core.Quote;
import dev.episodebot.core.ReplyKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The replies every surface's golden rendering tests use: a Chinese fact answer, an English
 * question over Chinese knowledge, a not-covered answer, a list answer with three items, a
 * 6,000-character answer, an answer quoting hostile transcript text, a fifteen-section outline
 * and a twelve-line search result. Each is the structure the
 * core produces (or would, for the list); the renderers must show every quote once, its answering
 * line marked, within the platform's limits.
 */
public final class ReplyFixtures {

    /** The episode file. */
    public static final String EPISODE = "episode-yi-tay-returns-to-google.txt";
    /** Lines 113–116 of the bundled episode; line 114 answers the Reka question. */
    public static final List<String> REKA_LINES = List.of("此外", "这些成就是由不到 15 人的技术团队完成的", "个人层面",
            "这对我来说是一个极为紧张的时期");
    /** The hostile transcript lines. */
    public static final List<String> HOSTILE_LINES = List.of(
            "<b>not bold</b> & <script>alert(1)</script> &amp; &lt;",
            "@everyone @here <@123456789012345678> look **here** __now__ ~~gone~~ ||secret|| `code` ```block```",
            "# heading > not a quote [link](https://evil.example/) -# small",
            "\\*escaped\\* and a trailing backslash \\");

    private ReplyFixtures() {}

    /** A named fixture. */
    public record Fixture(String name, BotReply reply) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Fixture> all() {
        return List.of(new Fixture("chinese fact", chineseFact()), new Fixture("english over chinese", englishOverChinese()),
                new Fixture("not covered", notCovered()), new Fixture("list of three", listOfThree()),
                new Fixture("6000 characters", longAnswer()), new Fixture("hostile transcript", hostile()),
                new Fixture("outline of fifteen sections", outlineOfFifteen()), new Fixture("search of twelve lines", searchOfTwelve()));
    }

    /**
     * An outline as {@code /outline} gives it: fifteen timecoded sections, each titled (with markup in
     * the titles) and with two long key lines, each section citing its line range.
     */
    public static BotReply outlineOfFifteen() {
        BotReply.Builder reply = BotReply.builder(ReplyKind.OUTLINE, Language.ZH).id("00000000000000ee")
                .lead("《Yi Tay 重返谷歌》的大纲（15 节）：");
        for (int s = 0; s < 15; s++) {
            int from = s * 15 + 1;
            int to = from + 14;
            List<String> keyLines = List.of("第 " + (s + 1) + " 节的第一句关键台词，" + "讲的是 Reka 和 Google DeepMind 的故事".repeat(2),
                    "第二句 <b>关键</b> **台词** @everyone，" + "人才回流大厂的窘境".repeat(3));
            Citation citation = new Citation(EPISODE, from, to, String.format("00:%02d:00", s), String.format("00:%02d:59", s),
                    "https://www.youtube.com/watch?v=abc&t=" + s * 60, String.join("\n", keyLines), "Yi Tay 重返谷歌");
            int cited = reply.cite(citation);
            reply.section(new dev.episodebot.core.Section((s + 1) + ". 标题 <i>" + s + "</i> · **Reka** · [x](https://evil.example/)",
                    keyLines, cited));
        }
        return reply.build();
    }

    /** A search reply as {@code /search Reka} gives it: twelve lines, each the quote of its own citation. */
    public static BotReply searchOfTwelve() {
        BotReply.Builder reply = BotReply.builder(ReplyKind.SEARCH, Language.EN).id("00000000000000ff")
                .lead("12 lines contain “Reka”:");
        for (int i = 0; i < 12; i++) {
            int line = 60 + i * 10;
            String text = "第 " + line + " 行：Reka <b>" + i + "</b> & *团队* " + "在创业初期取得的成就".repeat(i % 3 + 1);
            Citation citation = new Citation(EPISODE, line, line, null, null, null, text, null);
            int quote = reply.quote(citation, List.of(text), 0);
            reply.item(new Item(text, quote, reply.citationOf(quote)));
        }
        return reply.build();
    }

    static Citation reka(String title) {
        return new Citation(EPISODE, 113, 116, null, null, null, String.join("\n", REKA_LINES), title);
    }

    /** The extractive answer to 「Reka 的技术团队有多少人？」: the lead is line 114, quoted with its context. */
    public static BotReply chineseFact() {
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, Language.ZH).id("0123456789abcdef");
        reply.leadFromQuote(reply.quote(reka(null), REKA_LINES, 1));
        return reply.build();
    }

    /** The same evidence for "How many people were on Reka's tech team?". */
    public static BotReply englishOverChinese() {
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, Language.EN).id("fedcba9876543210");
        reply.leadFromQuote(reply.quote(reka("Yi Tay 重返 Google DeepMind"), REKA_LINES, 1));
        return reply.build();
    }

    public static BotReply notCovered() {
        return BotReply.builder(ReplyKind.NOT_COVERED, Language.ZH).id("00000000000000aa").grounded(false)
                .lead("这个问题节目里没有谈到，我没法根据节目内容回答。（我了解的节目：episode-yi-tay-returns-to-google）")
                .build();
    }

    /** A list answer: a written lead and three items, each the answering line of its own timecoded quote. */
    public static BotReply listOfThree() {
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, Language.ZH).id("00000000000000bb")
                .lead("节目提到了三位回到大厂的人 [1][2][3]：");
        String[][] people = {
                {"195", "00:12:05", "Mustafa Suleyman 加入了微软"},
                {"199", "00:12:31", "David Luan 回到了亚马逊"},
                {"203", "00:12:58", "Noam Shazeer 重返谷歌"}};
        for (String[] person : people) {
            int line = Integer.parseInt(person[0]);
            Citation citation = new Citation(EPISODE, line, line, person[1], person[1],
                    "https://www.youtube.com/watch?v=abc&t=" + line, person[2], "Yi Tay 重返谷歌");
            int quote = reply.quote(citation, List.of(person[2]), 0);
            reply.item(new Item(person[2], quote, reply.citationOf(quote)));
        }
        return reply.build();
    }

    /** An LLM answer of 6,000 characters in paragraphs, citing two quotes. */
    public static BotReply longAnswer() {
        StringBuilder lead = new StringBuilder();
        for (int i = 0; lead.length() < 6000; i++) {
            lead.append("第 ").append(i).append(" 段：Reka 的团队规模很小，但是做出了很多成就 [1]。")
                    .append("这一段话会一直重复，用来测试很长的回答如何拆分。".repeat(3)).append("\n\n");
        }
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, Language.ZH).id("00000000000000cc")
                .lead(lead.substring(0, 6000).strip());
        reply.quote(reka(null), REKA_LINES, 1);
        reply.quote(new Citation(EPISODE, 120, 121, null, null, null, "二零二三年\n我们发布了第一个模型", null),
                List.of("二零二三年", "我们发布了第一个模型"), 1);
        return reply.build();
    }

    /** An extractive answer whose quote and citation are full of markup, mentions and Markdown breakers. */
    public static BotReply hostile() {
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, Language.EN).id("00000000000000dd");
        Citation citation = new Citation("notes/<odd>&*file*.txt", 7, 10, "00:00:07", "00:00:19",
                "https://example.com/watch?a=1&b=\"2\"&t=7", String.join("\n", HOSTILE_LINES), "**Title** <i>@everyone</i>");
        reply.leadFromQuote(reply.quote(citation, HOSTILE_LINES, 1));
        return reply.build();
    }

    /** The text lines of every quote of {@code reply}. */
    public static List<String> quoteLines(BotReply reply) {
        List<String> lines = new ArrayList<>();
        for (Quote quote : reply.quotes()) {
            lines.addAll(quote.lines());
        }
        return lines;
    }

    /** How often {@code needle} occurs in {@code haystack}. */
    public static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
