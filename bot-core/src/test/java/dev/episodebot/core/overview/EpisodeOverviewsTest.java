package dev.episodebot.core.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.eval.EvalResources;
import dev.episodebot.core.eval.Pk;
import dev.episodebot.core.eval.Segmentation;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outline, the summary, search and overview answers through the core, on the bundled episode
 * (with the hashing embedding model: the segmentation is lexical, the vectors only weigh the summary).
 */
class EpisodeOverviewsTest {

    private static final String SNOWFLAKE_187 = "美国云计算数据服务公司 Snowflake 有意以超 10 亿美元的价格收购";
    private static final String SNOWFLAKE_189 = "疑似 Reka 方面认为 Snowflake 开价太低";

    @TempDir
    Path root;

    private BotCore core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    private BotCore bundled() {
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        core = TestCores.hashing(root, Map.of());
        core.refresh(IndexingListener.none());
        return core;
    }

    private BotReply handle(BotCommand command, String text) {
        return core.bot().handle(command, new BotRequest("c-1", "u-1", Platform.TELEGRAM, text));
    }

    @Test
    void theBundledOutlineCoversEveryLineInOrderInEightToFifteenSectionsAndBeatsEvenSpacingByPk() throws Exception {
        // GIVEN the bundled episode indexed
        bundled();

        // WHEN its outline is read
        Outline outline = core.overviews().outlineOf("").orElseThrow();

        // THEN 8–15 sections cover lines 1..227 in order, each titled, with one or two key lines from inside it
        List<OutlineSection> sections = outline.sections();
        assertThat(sections).hasSizeBetween(8, 15);
        int next = 1;
        for (OutlineSection s : sections) {
            assertThat(s.lineStart()).isEqualTo(next);
            assertThat(s.lineEnd()).isGreaterThanOrEqualTo(s.lineStart());
            assertThat(s.title()).isNotBlank();
            assertThat(s.keyLines()).hasSizeBetween(1, 2).allSatisfy(k -> assertThat(k.line()).isBetween(s.lineStart(), s.lineEnd()));
            next = s.lineEnd() + 1;
        }
        assertThat(next - 1).isEqualTo(EpisodeFiles.episodeLines().size());

        // AND judged against the person's segmentation, it is clearly better than evenly spaced sections
        Segmentation reference = Segmentation.read(EvalResources.path("segments-yi-tay.json"));
        Segmentation ours = new Segmentation(sections.stream()
                .map(s -> new Segmentation.Section(s.lineStart(), s.lineEnd(), s.title())).toList());
        double pk = Pk.score(reference, ours);
        double even = Pk.score(reference, Segmentation.evenlySpaced(reference.lines(), sections.size()));
        System.out.printf("outline Pk %.3f (%d sections), evenly spaced %.3f%n", pk, sections.size(), even);
        assertThat(pk).isLessThanOrEqualTo(0.40).isLessThan(even - 0.05);

        // AND the summary has 3–6 lines in line order, keywords and names
        assertThat(outline.summary()).hasSizeBetween(3, 6);
        assertThat(outline.summary()).isSortedAccordingTo((a, b) -> Integer.compare(a.line(), b.line()));
        assertThat(core.overviews().keywords(outline)).isNotEmpty();
        assertThat(outline.names()).contains("Yi Tay", "Reka");
    }

    @Test
    void theOutlineIsKeptInTheIndexAndServedAfterARestartAsItWas() {
        // GIVEN the bundled episode indexed, with its outline derived at index time
        bundled();
        byte[] stored = core.knowledge().index().episode(EpisodeFiles.EPISODE).derived(OutlineDeriver.NAME).orElseThrow();
        Outline before = core.overviews().outlineOf("").orElseThrow();
        core.close();

        // WHEN the bot restarts on the same cache
        core = TestCores.hashing(root, Map.of());
        core.refresh(IndexingListener.none());

        // THEN the index holds the same outline (IndexRestartTest shows no deriver runs again), and it is served
        assertThat(core.knowledge().index().episode(EpisodeFiles.EPISODE).derived(OutlineDeriver.NAME))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(stored));
        assertThat(core.overviews().outlineOf("").orElseThrow()).isEqualTo(before);
    }

    @Test
    void aSubtitleFileGetsSectionsWithStartAndEndTimes() throws Exception {
        // GIVEN the bundled episode as an SRT file, one cue every four seconds
        List<String> lines = EpisodeFiles.episodeLines();
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            srt.append(i + 1).append('\n').append(time(i * 4)).append(" --> ").append(time(i * 4 + 3)).append('\n')
                    .append(lines.get(i)).append("\n\n");
        }
        Files.createDirectories(TestCores.knowledgeDir(root));
        Files.writeString(TestCores.knowledgeDir(root).resolve("timed.srt"), srt);
        core = TestCores.hashing(root, Map.of());
        core.refresh(IndexingListener.none());

        // WHEN its outline is read
        Outline outline = core.overviews().outlineOf("timed").orElseThrow();

        // THEN every section is timed, from its first cue's start to its last cue's end, the next
        // starting with the cue after, from the first cue's start to the last cue's end
        List<OutlineSection> sections = outline.sections();
        assertThat(sections).hasSizeGreaterThan(1).allSatisfy(s -> {
            assertThat(s.timed()).isTrue();
            assertThat(s.endMillis()).isGreaterThan(s.startMillis());
        });
        assertThat(sections.get(0).startMillis()).isZero();
        assertThat(sections.get(sections.size() - 1).endMillis()).isEqualTo((lines.size() - 1) * 4_000L + 3_000L);
        for (int s = 1; s < sections.size(); s++) {
            assertThat(sections.get(s).startMillis()).isEqualTo(sections.get(s - 1).endMillis() + 1_000L);
        }
        // AND the outline reply cites each section with its timecodes
        BotReply reply = handle(BotCommand.OUTLINE, "");
        assertThat(reply.citations()).hasSameSizeAs(outline.sections()).allSatisfy(c -> assertThat(c.start()).isNotNull());
    }

    private static String time(int seconds) {
        return String.format("00:%02d:%02d,000", seconds / 60, seconds % 60);
    }

    @Test
    void searchListsEveryLineWithTheTermWhateverItsCaseOrWidthEachWithItsCitation() {
        bundled();

        // WHEN a user searches for Snowflake, in lower case, and in full-width letters
        for (String term : List.of("Snowflake", "snowflake", "ＳＮＯＷＦＬＡＫＥ")) {
            BotReply reply = handle(BotCommand.SEARCH, term);

            // THEN lines 187 and 189 come back, in order, each with its own citation of that line
            assertThat(reply.kind()).isEqualTo(ReplyKind.SEARCH);
            assertThat(reply.citations()).extracting(Citation::lineStart).containsExactly(187, 189);
            assertThat(reply.citations()).extracting(Citation::quote).containsExactly(SNOWFLAKE_187, SNOWFLAKE_189);
            assertThat(reply.items()).hasSize(2);
        }
        // AND a Chinese term is found inside lines as well
        assertThat(handle(BotCommand.SEARCH, "收购").citations()).extracting(Citation::lineStart).contains(187);
    }

    @Test
    void hostileOrMissingTermsGetAClearReplyAndNoMatch() {
        bundled();

        // WHEN the term is markup, a wildcard, a regex or nothing the episode holds
        for (String term : List.of("<", "%", ".*", "[a-z]+", "\\", "$^", "不存在的词语xyz")) {
            BotReply reply = handle(BotCommand.SEARCH, term);

            // THEN it says nothing matched, quoting no line
            assertThat(reply.grounded()).as(term).isFalse();
            assertThat(reply.citations()).as(term).isEmpty();
        }
        // AND an ASCII parenthesis finds the full-width one of line 26, literally
        assertThat(handle(BotCommand.SEARCH, "(Quoc").citations()).extracting(Citation::lineStart).containsExactly(26);
        // AND a 2,000-character term and an empty one are refused with a reason
        assertThat(handle(BotCommand.SEARCH, "x".repeat(2_000)).kind()).isEqualTo(ReplyKind.REFUSAL);
        assertThat(handle(BotCommand.SEARCH, "  ").kind()).isEqualTo(ReplyKind.REFUSAL);
    }

    @Test
    void withSeveralEpisodesAMissingArgumentListsThemAndATitleChoosesOne() {
        // GIVEN two episodes
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        EpisodeFiles.write(TestCores.knowledgeDir(root), "cooking.txt",
                "今天我们来做红烧肉\n先把五花肉切块\n红烧肉要用冰糖炒糖色\n炖一个小时红烧肉就好了\n");
        core = TestCores.hashing(root, Map.of());
        core.refresh(IndexingListener.none());

        // WHEN /outline and /summary come without an argument
        for (BotCommand command : List.of(BotCommand.OUTLINE, BotCommand.SUMMARY)) {
            BotReply reply = handle(command, "");

            // THEN the reply lists both episodes to choose from
            assertThat(reply.kind()).isEqualTo(ReplyKind.INFO);
            assertThat(reply.text()).contains("cooking", "episode-yi-tay-returns-to-google");
        }
        // AND naming one gives its outline
        BotReply chosen = handle(BotCommand.OUTLINE, "cooking");
        assertThat(chosen.kind()).isEqualTo(ReplyKind.OUTLINE);
        assertThat(chosen.citations()).allSatisfy(c -> assertThat(c.source()).isEqualTo("cooking.txt"));
        // AND search runs across both
        assertThat(handle(BotCommand.SEARCH, "红烧肉").citations()).extracting(Citation::source).containsOnly("cooking.txt");
    }

    /** Our own overview questions for tuning (the held-out set is measured, never tuned on). */
    private static final List<String> OVERVIEW_ZH = List.of("这期节目讲了什么", "给我总结一下", "主要内容是什么",
            "这个视频在说啥", "能概括一下这期吗", "简单介绍下这集", "这期的要点有哪些", "讲的是什么呀", "大概说了些啥",
            "帮我归纳一下这期的核心内容", "这期有什么亮点", "说说重点", "没空看，讲讲大概", "这期核心观点是啥", "能不能帮我提炼一下要点",
            "一句话说说这期", "这期讲的啥玩意", "这期聊了哪些话题", "整体讲了个什么事");
    private static final List<String> OVERVIEW_EN = List.of("What is this episode about?", "tl;dr", "summarize it",
            "Can you give me a summary?", "what's the gist", "recap please", "give me an overview of the video",
            "what are the key takeaways", "TLDR pls", "sum it up for me", "give me the highlights", "what's it about",
            "what is this about", "main points?", "what did they talk about", "what's discussed here", "summary pls",
            "what's the story here", "can you break down this episode for me");

    @Test
    void overviewQuestionsInBothLanguagesGetTheSummaryFramedInTheAskersLanguage() {
        bundled();

        for (String question : OVERVIEW_ZH) {
            Optional<Answer> answer = overview(question);
            assertThat(answer).as(question).isPresent();
            assertThat(answer.get().reply().text()).as(question).contains("这期节目", "/outline").contains("Reka");
        }
        for (String question : OVERVIEW_EN) {
            Optional<Answer> answer = overview(question);
            assertThat(answer).as(question).isPresent();
            assertThat(answer.get().reply().text()).as(question).contains("This episode", "/outline").contains("Reka");
        }
    }

    @Test
    void aQuestionAboutSomethingInTheEpisodeIsNotAnOverview() {
        bundled();

        // a cue word with a topic of the episode is a question about that topic
        for (String question : List.of("总结一下 Reka 的融资", "Reka 的技术团队有多少人？", "summarize what happened with Snowflake",
                "Yi Tay 在 Google 做了什么", "What did Yi Tay work on at Google?",
                "what was discussed about Snowflake", "break down Reka's funding", "Reka 的亮点是什么")) {
            assertThat(overview(question)).as(question).isEmpty();
        }
    }

    @Test
    void aGistWordHeadingACompoundOfTheEpisodeIsNotACue() {
        bundled();

        // 主旨演讲 (keynote) and 核心成员 (core members) are the episode's own words, not "the gist" or "the core"
        for (String question : List.of("他在哪个会议上做了主旨演讲？", "在哪做的主旨演讲", "核心成员都有谁", "主要竞争对手是谁呀")) {
            assertThat(overview(question)).as(question).isEmpty();
        }
        // the same nouns before a particle or another cue still ask for the gist
        for (String question : List.of("这期的主旨是啥", "核心内容讲讲", "主要讲了什么")) {
            assertThat(overview(question)).as(question).isPresent();
        }
    }

    private Optional<Answer> overview(String question) {
        try (var view = core.knowledge().acquire()) {
            return core.overviews().overview(question, view);
        }
    }
}
