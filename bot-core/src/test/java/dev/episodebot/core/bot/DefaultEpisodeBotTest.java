package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.config.AdminList;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.SourceSummary;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.MutableClock;
import dev.episodebot.core.testing.SharedEmbeddingModels;
import dev.episodebot.core.testing.TestCores;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bot's commands and guards, on a core over the episode plus one broken file, with
 * RATE_LIMIT_PER_MINUTE=2, MAX_QUESTION_CHARS=40, BOT_ADMINS=telegram:123 and a clock the tests move.
 * Every test uses its own users and conversations.
 */
class DefaultEpisodeBotTest {

    private static final String REKA_TEAM = "Reka 的技术团队有多少人？";

    @TempDir
    static Path root;

    private static final MutableClock CLOCK = MutableClock.atNewYear2025();
    private static BotCore core;

    @BeforeAll
    static void startCore() {
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        EpisodeFiles.write(TestCores.knowledgeDir(root), "broken/gbk.txt", "中文字幕".getBytes(Charset.forName("GBK")));
        core = TestCores.create(TestCores.config(root, Map.of("RATE_LIMIT_PER_MINUTE", "2", "MAX_QUESTION_CHARS", "40",
                "BOT_ADMINS", "telegram:123")), SharedEmbeddingModels.provider(), CLOCK);
        core.refresh(IndexingListener.none());
    }

    @AfterAll
    static void closeCore() {
        core.close();
    }

    private static BotReply handle(BotCommand command, Platform platform, String user, String text) {
        return core.bot().handle(command, new BotRequest(platform.id() + "-chat-" + user, user, platform, text));
    }

    private static BotReply ask(Platform platform, String user, String text) {
        return handle(BotCommand.ASK, platform, user, text);
    }

    private static SourceSummary episode() {
        return core.knowledge().index().sources().stream().filter(s -> s.source().equals(EpisodeFiles.EPISODE))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u200B\t\n"})
    void emptyQuestionIsPolitelyRefused(String text) {
        // GIVEN an ask with nothing to ask (after cleaning)
        // WHEN it is handled
        BotReply reply = ask(Platform.TELEGRAM, "empty-" + text.hashCode(), text);

        // THEN the bot refuses and explains how to ask
        assertThat(reply.kind()).isEqualTo(ReplyKind.REFUSAL);
        assertThat(reply.text()).isEqualTo(BotTexts.emptyQuestion(Language.EN));
        assertThat(reply.id()).isNull();
    }

    @Test
    void questionLongerThanMaxQuestionCharsIsRefused() {
        // GIVEN MAX_QUESTION_CHARS=40 and a 41-character Chinese question
        String question = "请问".repeat(20) + "？";

        // WHEN it is asked
        BotReply reply = ask(Platform.TELEGRAM, "1002", question);

        // THEN it is refused in Chinese, naming the limit
        assertThat(reply.kind()).isEqualTo(ReplyKind.REFUSAL);
        assertThat(reply.text()).isEqualTo(BotTexts.tooLong(Language.ZH, 40));
    }

    @Test
    void questionOfExactlyMaxQuestionCharsIsAnswered() {
        // GIVEN a question of exactly 40 characters
        String question = REKA_TEAM + "。".repeat(40 - REKA_TEAM.length());

        // WHEN it is asked
        BotReply reply = ask(Platform.TELEGRAM, "1003", question);

        // THEN it is answered
        assertThat(question).hasSize(40);
        assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
    }

    @Test
    void answerReplyCarriesAnIdAndTheAnswersCitations() {
        // GIVEN a covered question
        // WHEN it is asked
        BotReply reply = ask(Platform.DISCORD, "1004", REKA_TEAM);

        // THEN the reply is an answer with a feedback id, grounded, with the episode cited
        assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(reply.id()).matches("[0-9a-f]{16}");
        assertThat(reply.grounded()).isTrue();
        assertThat(reply.text()).contains("15");
        assertThat(reply.citations()).isNotEmpty().allMatch(c -> c.source().equals(EpisodeFiles.EPISODE));
    }

    @Test
    void userOverTheRateLimitIsRefusedUntilTheWindowHasPassed() {
        // GIVEN RATE_LIMIT_PER_MINUTE=2 and a user who asked twice
        assertThat(ask(Platform.TELEGRAM, "2001", REKA_TEAM).kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(ask(Platform.TELEGRAM, "2001", REKA_TEAM).kind()).isEqualTo(ReplyKind.ANSWER);

        // WHEN the user asks a third time within the minute
        BotReply third = ask(Platform.TELEGRAM, "2001", REKA_TEAM);

        // THEN it is refused, saying when to retry
        assertThat(third.kind()).isEqualTo(ReplyKind.REFUSAL);
        assertThat(third.text()).isEqualTo(BotTexts.rateLimited(Language.ZH, 60));

        // WHEN a minute has passed
        CLOCK.advance(Duration.ofSeconds(60));

        // THEN the user is answered again
        assertThat(ask(Platform.TELEGRAM, "2001", REKA_TEAM).kind()).isEqualTo(ReplyKind.ANSWER);
    }

    @Test
    void rateLimitIsPerUser() {
        // GIVEN a user who used up the limit
        ask(Platform.TELEGRAM, "2002", REKA_TEAM);
        ask(Platform.TELEGRAM, "2002", REKA_TEAM);
        assertThat(ask(Platform.TELEGRAM, "2002", REKA_TEAM).kind()).isEqualTo(ReplyKind.REFUSAL);

        // WHEN another user, and the same numeric id on another platform, ask
        // THEN they are answered
        assertThat(ask(Platform.TELEGRAM, "2003", REKA_TEAM).kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(ask(Platform.DISCORD, "2002", REKA_TEAM).kind()).isEqualTo(ReplyKind.ANSWER);
    }

    @Test
    void consoleIsNotRateLimited() {
        // GIVEN the console user
        // WHEN it asks more often than the limit
        // THEN every question is answered
        for (int i = 0; i < 4; i++) {
            assertThat(ask(Platform.CONSOLE, "console", REKA_TEAM).kind()).isEqualTo(ReplyKind.ANSWER);
        }
    }

    @Test
    void reloadFromANonAdminIsRefused() {
        // GIVEN BOT_ADMINS=telegram:123
        // WHEN another Telegram user, and Discord user 123, ask for a reload
        BotReply stranger = handle(BotCommand.RELOAD, Platform.TELEGRAM, "999", "");
        BotReply otherPlatform = handle(BotCommand.RELOAD, Platform.DISCORD, "123", "");

        // THEN both are refused
        assertThat(stranger.kind()).isEqualTo(ReplyKind.REFUSAL);
        assertThat(stranger.text()).isEqualTo(BotTexts.notAdmin(Language.EN));
        assertThat(otherPlatform.kind()).isEqualTo(ReplyKind.REFUSAL);
    }

    @Test
    void reloadFromTheAdminAndFromTheConsoleRefreshesTheKnowledge() {
        // GIVEN the time of the last refresh
        var before = core.knowledge().lastReport().finishedAt();

        // WHEN telegram:123 and then the console reload
        BotReply admin = handle(BotCommand.RELOAD, Platform.TELEGRAM, "123", "");
        var afterAdmin = core.knowledge().lastReport().finishedAt();
        BotReply console = handle(BotCommand.RELOAD, Platform.CONSOLE, "console", "");

        // THEN both are done and reported
        assertThat(admin.kind()).isEqualTo(ReplyKind.INFO);
        assertThat(admin.text()).startsWith("Reloaded.").contains("chunks");
        assertThat(afterAdmin).isAfter(before);
        assertThat(console.kind()).isEqualTo(ReplyKind.INFO);
        assertThat(core.knowledge().lastReport().finishedAt()).isAfterOrEqualTo(afterAdmin);
    }

    @Test
    void helpNamesTheEpisodeAndEveryCommand() {
        // GIVEN the indexed episode
        // WHEN help is asked for
        BotReply reply = handle(BotCommand.HELP, Platform.TELEGRAM, "3001", "");

        // THEN it names the episode and lists the commands
        assertThat(reply.kind()).isEqualTo(ReplyKind.HELP);
        assertThat(reply.text()).contains(episode().title());
        for (BotCommand command : BotCommand.values()) {
            assertThat(reply.text()).contains("/" + command.word());
        }
    }

    @Test
    void helpAskedInChineseIsInChinese() {
        // GIVEN a Chinese help request
        // WHEN it is handled
        BotReply reply = handle(BotCommand.HELP, Platform.TELEGRAM, "3002", "怎么用");

        // THEN help is Chinese and still names the episode
        assertThat(reply.language()).isEqualTo(Language.ZH);
        assertThat(reply.text()).contains("我可以回答关于这些节目的问题").contains(episode().title())
                .contains(BotCommand.SOURCES.descriptionZh());
    }

    @Test
    void sourcesListsTheFileWithItsChunkCount() {
        // GIVEN the indexed episode (and a broken file that is not a source)
        // WHEN sources are asked for in a direct message
        BotReply reply = core.bot().handle(BotCommand.SOURCES, new BotRequest("dm-3003", "3003", Platform.DISCORD, "",
                null, true));

        // THEN the episode file is listed with its number of chunks, the broken file is not
        assertThat(reply.kind()).isEqualTo(ReplyKind.SOURCES);
        assertThat(reply.text()).contains(EpisodeFiles.EPISODE + " (" + episode().chunks() + " chunks)");
        assertThat(episode().chunks()).isPositive();
        assertThat(reply.text()).doesNotContain("gbk.txt");
    }

    @Test
    void bareCommandsFollowTheUsersPlatformLanguageElseEnglish() {
        // GIVEN /help with no text from a Chinese Telegram client, an English one and one without a language
        BotReply zh = core.bot().handle(BotCommand.HELP, new BotRequest("c-1", "3010", Platform.TELEGRAM, "", "zh-hans",
                true));
        BotReply en = core.bot().handle(BotCommand.HELP, new BotRequest("c-2", "3011", Platform.DISCORD, "", "en-GB",
                false));
        BotReply unknown = core.bot().handle(BotCommand.SOURCES, new BotRequest("c-3", "3012", Platform.DISCORD, ""));

        // THEN each is framed in that language, English when unknown
        assertThat(zh.language()).isEqualTo(Language.ZH);
        assertThat(zh.text()).startsWith("我可以回答关于这些节目的问题");
        assertThat(en.language()).isEqualTo(Language.EN);
        assertThat(unknown.language()).isEqualTo(Language.EN);
        // AND a question is answered in its own language whatever the platform's
        BotReply question = core.bot().ask(new BotRequest("c-4", "3013", Platform.TELEGRAM, REKA_TEAM, "en", true));
        assertThat(question.language()).isEqualTo(Language.ZH);
    }

    @Test
    void sourcesInAGroupIsAOneMessageSummaryAndTheFullListOnlyInADirectChat() {
        // GIVEN the indexed episode
        // WHEN /sources comes from a group and from a DM
        BotReply group = core.bot().handle(BotCommand.SOURCES, new BotRequest("g", "3014", Platform.TELEGRAM, ""));
        BotReply direct = core.bot().handle(BotCommand.SOURCES,
                new BotRequest("dm", "3014", Platform.TELEGRAM, "", null, true));

        // THEN the group gets counts and titles with a pointer to the DM, the DM the list of files
        assertThat(group.text()).startsWith("I know 1 file with " + episode().chunks() + " chunks in all:")
                .contains("Send me /sources in a direct message").doesNotContain(EpisodeFiles.EPISODE);
        assertThat(group.items()).isEmpty();
        assertThat(direct.items()).singleElement().satisfies(item -> assertThat(item.text())
                .endsWith(EpisodeFiles.EPISODE + " (" + episode().chunks() + " chunks)"));
    }

    @Test
    void statusShowsFilesChunksModelLastRefreshAndSkippedFiles() {
        // GIVEN the indexed folder with one skipped file
        int chunks = core.knowledge().index().chunks().size();

        // WHEN status is asked for
        BotReply reply = handle(BotCommand.STATUS, Platform.TELEGRAM, "3004", "");

        // THEN it reports all of it
        assertThat(reply.kind()).isEqualTo(ReplyKind.STATUS);
        assertThat(reply.text())
                .contains("Knowledge: 1 file, " + chunks + " chunks; embedding model bge-small-zh-v1.5")
                .containsPattern("Last refresh: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC")
                .contains("Skipped files: 1")
                .contains("• broken/gbk.txt: not valid UTF-8")
                .contains("Answers: transcript quotes (no LLM)");
    }

    @Test
    void questionsAreRememberedPerConversationAndNewForgetsOne() {
        // GIVEN a bot with memories the test can see, and two conversations with a question each
        ConversationMemories memories = new ConversationMemories(100, 12);
        EpisodeBot bot = new DefaultEpisodeBot(core.knowledge(), core.answerer(), memories,
                new FileFeedbackRecorder(root.resolve("data"), CLOCK), AdminList.none(),
                new DefaultEpisodeBot.Limits(2000, 100, 4, 4), CLOCK, () -> { }, core.shownText(), core.overviews());
        BotReply answer = bot.ask(new BotRequest("conv-a", "7", Platform.TELEGRAM, REKA_TEAM));
        bot.ask(new BotRequest("conv-b", "8", Platform.TELEGRAM, REKA_TEAM));
        assertThat(memories.history("conv-a")).containsExactly("User: " + REKA_TEAM, "Bot: " + answer.text());

        // WHEN /new is sent in the first conversation
        BotReply reply = bot.handle(BotCommand.NEW, new BotRequest("conv-a", "7", Platform.TELEGRAM, ""));

        // THEN that conversation is forgotten, the other is kept
        assertThat(reply.kind()).isEqualTo(ReplyKind.INFO);
        assertThat(reply.text()).isEqualTo(BotTexts.newConversation(Language.EN));
        assertThat(memories.history("conv-a")).isEmpty();
        assertThat(memories.history("conv-b")).hasSize(2);
    }
}
