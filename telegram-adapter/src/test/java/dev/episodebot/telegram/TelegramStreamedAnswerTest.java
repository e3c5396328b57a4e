package dev.episodebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.FakeChatServer.Reply;
import dev.episodebot.core.testing.TestCores;
import dev.episodebot.telegram.fake.EditedMessage;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.SentMessage;
import dev.episodebot.telegram.http.TokenMasker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed LLM answer on Telegram, end to end: the real core with the real langchain4j streaming
 * client against {@link FakeChatServer}'s server-sent events, the real telegrambots client against
 * {@link FakeTelegramServer}. One message replies to the question and is edited
 * ({@code editMessageText}) while the model writes, then holds the checked final answer: the cited
 * line's citation, the vote buttons, never the quote the model made up. A 429 on an edit pauses the
 * drafts; when editing fails, the final answer still arrives, as a new message.
 */
class TelegramStreamedAnswerTest {

    private static final String TOKEN = "123456:TEST-token";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long USER = 1001;
    private static final String QUESTION = "Reka 的技术团队有多少人？";

    @TempDir
    Path root;

    private FakeChatServer llm;
    private FakeTelegramServer telegram;
    private BotCore core;
    private TelegramAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        CapturingAppender.clear();
        llm = FakeChatServer.start();
        // the model writes for about 5 s, citing line 114 and inventing a quote along the way
        llm.otherwise(Reply.streamWithInventedQuote(Duration.ofMillis(500)));
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        core = TestCores.hashing(root, llm.openAiEnv("30s"));
        core.refresh(IndexingListener.none());
        telegram = FakeTelegramServer.start().expectToken(TOKEN);
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        telegram.close();
        core.close();
        llm.close();
        TokenMasker masker = new TokenMasker(TOKEN);
        assertThat(CapturingAppender.events()).noneMatch(masker::containsToken)
                .noneMatch(e -> e.contains("sk-test-0123456789abcdef"));
    }

    private void startAdapter() throws Exception {
        TelegramConfig config = TelegramConfig.from(new Env(Map.of(
                "TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", telegram.url(),
                "DATA_DIR", root.resolve("data").toString())));
        adapter = new TelegramAdapter(config.withTuning(new TelegramTuning(4, 100, Duration.ofSeconds(5),
                Duration.ofMillis(20), Duration.ofMillis(100), 3, Duration.ofSeconds(5), Duration.ofSeconds(4),
                Duration.ofSeconds(5))), core.bot(), core.feedback());
        adapter.start();
    }

    @Test
    void oneMessageShowsTheAnswerWhileItIsWrittenThenTheCheckedOne() throws Exception {
        // GIVEN a running adapter
        startAdapter();

        // WHEN a user asks in a private chat
        Incoming question = telegram.privateMessage(USER, QUESTION);

        // THEN one message replies to the question, then is edited until it holds the final answer (with votes)
        SentMessage draft = telegram.awaitReplyTo(USER, question.messageId(), WAIT);
        EditedMessage last = telegram.awaitEdit(USER, e -> !e.callbackData().isEmpty(), WAIT);
        assertThat(last.messageId()).isEqualTo(draft.messageId());
        List<String> shown = new ArrayList<>(List.of(draft.plainText()));
        telegram.edits().stream().filter(e -> e.messageId() == draft.messageId()).map(EditedMessage::plainText)
                .forEach(shown::add);
        List<String> drafts = shown.subList(0, shown.size() - 1);
        // at least two progressive drafts (the first message and an edit), the text growing
        assertThat(drafts.size()).isGreaterThanOrEqualTo(2);
        assertThat(drafts.get(drafts.size() - 1).length()).isGreaterThan(drafts.get(0).length());
        assertThat(drafts).allSatisfy(d -> assertThat(d).startsWith("Reka 的技术团队").doesNotContain("[L"));
        // AND the final message cites line 114 and carries the vote buttons; the invented quote is shown nowhere
        assertThat(last.plainText()).contains("不到 15 人").contains("第 114 行");
        assertThat(last.callbackData()).anyMatch(d -> d.startsWith("fb:u:"));
        assertThat(shown).allSatisfy(t -> assertThat(t).doesNotContain("500").hasSizeLessThanOrEqualTo(4096));
        // AND only that one message was sent
        assertThat(telegram.sentTo(USER)).hasSize(1);
    }

    @Test
    void aRateLimitPausesTheDraftsAndAFailingEditStillDeliversTheFinalAnswer() throws Exception {
        // GIVEN Telegram rate-limits the first edit, then refuses the next two
        telegram.rateLimitNext("editMessageText", 1);
        telegram.failNext("editMessageText", 400, "Bad Request: message can't be edited");
        telegram.failNext("editMessageText", 400, "Bad Request: message can't be edited");
        startAdapter();

        // WHEN a user asks
        Incoming question = telegram.privateMessage(USER, QUESTION);

        // THEN the final answer still arrives, with its citation and votes, and no message shows the invented quote
        SentMessage draft = telegram.awaitReplyTo(USER, question.messageId(), WAIT);
        List<SentMessage> sent = telegram.awaitSentMessages(2, WAIT);
        SentMessage fin = sent.get(sent.size() - 1);
        assertThat(fin.messageId()).isNotEqualTo(draft.messageId());
        assertThat(fin.plainText()).contains("第 114 行").doesNotContain("500");
        assertThat(fin.callbackData()).anyMatch(d -> d.startsWith("fb:u:"));
        // AND the message with the unchecked drafts was taken back
        assertThat(telegram.deleted(USER, draft.messageId())).isTrue();
        assertThat(telegram.edits()).allSatisfy(e -> assertThat(e.plainText()).doesNotContain("500"));
    }
}
