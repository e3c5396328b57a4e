package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.TestCores;
import dev.episodebot.telegram.TelegramAdapter;
import dev.episodebot.telegram.TelegramConfig;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.SentMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red-team's unbounded command output, re-run through the real core and the real Telegram
 * client: with 20,000 knowledge files, one of them with a 600 KB {@code title:}, five {@code /help}
 * sent 295 messages and {@code /sources} 225. Every reply is now at most {@code MAX_REPLY_MESSAGES}
 * (4) messages, the rest behind a "more" button, and {@code /help} and the group {@code /sources}
 * fit in one.
 */
class BoundedRepliesEndToEndTest {

    private static final String TOKEN = "123456:TEST-token-bounded";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int FILES = 20_000;
    private static final long USER = 1001;
    private static final long GROUP = -3001;

    @TempDir
    static Path root;

    private static BotCore core;
    private static FakeTelegramServer telegram;
    private static TelegramAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        Path knowledge = TestCores.knowledgeDir(root);
        Files.createDirectories(knowledge);
        Files.writeString(knowledge.resolve("a-huge-title.txt"), "title: " + "很长的标题".repeat(120_000) + "\n\n这一期只有一行\n",
                StandardCharsets.UTF_8);
        for (int i = 1; i < FILES; i++) {
            Path dir = knowledge.resolve("d" + (i % 100));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("episode-" + i + ".txt"), "第 " + i + " 期的唯一一句话\n", StandardCharsets.UTF_8);
        }
        core = TestCores.hashing(root, Map.of("RATE_LIMIT_PER_MINUTE", "1000"));
        core.refresh(IndexingListener.none());
        telegram = FakeTelegramServer.start().expectToken(TOKEN);
        adapter = new TelegramAdapter(TelegramConfig.from(new Env(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", telegram.url(), "DATA_DIR", root.resolve("data").toString()))),
                core.bot(), core.feedback());
        adapter.start();
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (core != null) {
            core.close();
        }
    }

    /** Sends {@code text} and returns every message the bot sent to the chat until it is quiet. */
    private static List<SentMessage> exchange(long chat, Incoming message) throws InterruptedException {
        int before = telegram.sentTo(chat).size();
        telegram.awaitReplyTo(chat, message.messageId(), WAIT);
        int seen;
        do {
            seen = telegram.sentTo(chat).size();
            Thread.sleep(500);
        } while (telegram.sentTo(chat).size() != seen);
        List<SentMessage> all = telegram.sentTo(chat);
        return all.subList(before, all.size());
    }

    @Test
    void fiveHelpsAreFiveShortMessagesWhateverTheKnowledge() throws Exception {
        assertThat(core.knowledge().index().sources()).hasSize(FILES);
        for (int i = 0; i < 5; i++) {
            List<SentMessage> replies = exchange(USER, telegram.privateMessage(USER, "/help"));
            assertThat(replies).hasSize(1);
            assertThat(replies.get(0).plainText().length()).isLessThan(2000);
            assertThat(replies.get(0).plainText()).contains("…").contains("19,995 more episodes");
        }
    }

    @Test
    void sourcesInAGroupIsOneMessageAndInADmFourPagesAtATime() throws Exception {
        // WHEN /sources is sent in a group
        List<SentMessage> group = exchange(GROUP, telegram.groupMessage(GROUP, USER, "/sources"));

        // THEN one short summary
        assertThat(group).hasSize(1);
        assertThat(group.get(0).plainText()).startsWith("I know 20,000 files with 20,000 chunks in all:")
                .contains("… and 19,990 more");

        // WHEN /sources is sent in a DM
        List<SentMessage> dm = exchange(USER, telegram.privateMessage(USER, "/sources"));

        // THEN four messages within Telegram's limit, the last with a "more" button; pressing it sends four more
        assertThat(dm).hasSize(4).allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(4096));
        String more = dm.get(3).callbackData().get(0);
        assertThat(more).startsWith("mr:");
        int before = telegram.sentTo(USER).size();
        telegram.callback(USER, USER, dm.get(3).messageId(), more);
        telegram.awaitCalls("answerCallbackQuery", 1, WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (telegram.sentTo(USER).size() < before + 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        List<SentMessage> next = telegram.sentTo(USER).subList(before, telegram.sentTo(USER).size());
        assertThat(next).hasSize(4);
        assertThat(next.get(3).callbackData()).singleElement().asString().startsWith("mr:").isNotEqualTo(more);
    }
}
