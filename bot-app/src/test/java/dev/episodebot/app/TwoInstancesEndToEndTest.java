package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.state.SharedState;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.Eventually;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import dev.episodebot.core.testing.TestCores;
import dev.episodebot.redis.RedisConfig;
import dev.episodebot.redis.RedisSharedState;
import dev.episodebot.redis.testing.RedisTestServer;
import dev.episodebot.telegram.TelegramAdapter;
import dev.episodebot.telegram.TelegramConfig;
import dev.episodebot.telegram.TelegramTuning;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.WebhookDelivery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot instances as one bot: each its own core and index (from the same knowledge), one real
 * Redis for their shared state, and one fake Telegram that pushes webhook updates to them in turn,
 * as a load balancer would. The rate limit holds across them, an update delivered to both is
 * answered once, a conversation begun on one goes on on the other (each instance has an LLM of its
 * own, a fake that shows what its core asked), and with Redis stopped they keep answering and go
 * back to it once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesEndToEndTest {

    private static final String TOKEN = "123456:TEST-token-two";
    private static final String SECRET = "two-instances-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int RATE_LIMIT = 4;

    @TempDir
    static Path root;

    private static RedisTestServer redis;
    private static FakeTelegramServer telegram;
    private static Instance a;
    private static Instance b;
    /** Every request either instance's core answered, with the reply. */
    private static final List<Handled> handled = new CopyOnWriteArrayList<>();

    record Handled(String instance, BotCommand command, BotRequest request, BotReply reply) {}

    /** One instance: a core on the shared state and a Telegram adapter in webhook mode. */
    record Instance(String name, SharedState state, BotCore core, TelegramAdapter adapter, FakeChatServer llm) {

        String target() {
            return adapter.webhookLocalUrl().orElseThrow();
        }

        void close() {
            adapter.close();
            core.close();
            state.close();
            llm.close();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        redis = RedisTestServer.own(root.resolve("redis"));
        redis.start();
        telegram = FakeTelegramServer.start().expectToken(TOKEN);
        String prefix = RedisTestServer.uniquePrefix();
        a = instance("A", prefix);
        b = instance("B", prefix);
        telegram.deliverByWebhook(List.of(a.target(), b.target()));
    }

    private static Instance instance(String name, String prefix) throws Exception {
        Path home = root.resolve(name);
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(home));
        // each instance's own LLM, which shows what its core asked (a rewrite sees the conversation)
        FakeChatServer llm = FakeChatServer.start().otherwise(FakeChatServer.Reply.text("STANDALONE: 节目讲了什么"));
        Map<String, String> values = new HashMap<>(llm.openAiEnv("20"));
        values.putAll(Map.of("EMBEDDING_MODEL", "bge-small-zh-q", "RATE_LIMIT_PER_MINUTE", String.valueOf(RATE_LIMIT),
                RedisConfig.URL, redis.url(), RedisConfig.KEY_PREFIX, prefix, RedisConfig.TIMEOUT, "300ms",
                "TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", telegram.url(),
                "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram", "TELEGRAM_WEBHOOK_SECRET", SECRET));
        Env env = TestCores.env(home, values);
        Clock clock = Clock.systemUTC();
        int rateLimit = RATE_LIMIT;
        SharedState state = RedisSharedState.connect(RedisConfig.from(env).orElseThrow(), rateLimit, clock);
        BotCore core = BotCore.create(dev.episodebot.core.config.CoreConfig.from(env),
                spec -> new HashingEmbeddingModel(spec.dimension()), null, clock, state);
        core.refresh(IndexingListener.none());
        TelegramConfig config = TelegramConfig.from(env);
        config = config.withWebhook(config.webhook().withPort(0)).withTuning(new TelegramTuning(4, 100,
                Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(100), 3, Duration.ofSeconds(5),
                Duration.ofSeconds(4), Duration.ofSeconds(5)));
        EpisodeBot recording = (command, request) -> {
            BotReply reply = core.bot().handle(command, request);
            handled.add(new Handled(name, command, request, reply));
            return reply;
        };
        TelegramAdapter adapter = new TelegramAdapter(config, recording, core.feedback(), state.deliveries());
        adapter.start();
        return new Instance(name, state, core, adapter, llm);
    }

    @AfterAll
    static void stop() {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (telegram != null) {
            telegram.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    private static List<Handled> handledFor(long user) {
        String id = String.valueOf(user);
        return handled.stream().filter(h -> h.request().userId().equals(id)).toList();
    }

    private static String instanceThatTook(Incoming update) {
        String target = telegram.webhookDeliveries().stream().filter(d -> d.updateId() == update.updateId()
                && d.status() == 200).map(WebhookDelivery::target).findFirst().orElseThrow();
        return target.equals(a.target()) ? "A" : "B";
    }

    /**
     * Posts one update to both instances at once and waits until both are done with it: a later
     * message of the same chat, posted to each, is answered by each (one chat is answered in order).
     */
    private static Incoming deliverToBothAndSettle(long user, String text) {
        Incoming update = scripted(user, text);
        List<Integer> statuses = telegram.deliverToAll(update);
        for (Instance instance : List.of(a, b)) {
            Incoming barrier = scripted(user, "/help");
            assertThat(telegram.postWebhook(instance.target(), SECRET, barrier)).isEqualTo(200);
            telegram.awaitReplyTo(user, barrier.messageId(), WAIT);
        }
        assertThat(statuses).containsExactly(200, 200); // both took the request
        return update;
    }

    /** A message of {@code user}'s that the load balancer does not deliver: the test posts it itself. */
    private static Incoming scripted(long user, String text) {
        telegram.holdWebhooks();
        try {
            return telegram.withdraw(telegram.privateMessage(user, text));
        } finally {
            telegram.releaseWebhooks();
        }
    }

    @Test
    @Order(1)
    void theRateLimitHoldsAcrossBothInstances() {
        // GIVEN a limit of 4 questions a minute per user, and Telegram sending updates to A and B in turn
        long user = 2001;

        // WHEN one user asks 6 questions (3 go to each instance: alone, each would allow them all)
        List<Incoming> questions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            questions.add(telegram.privateMessage(user, "Reka 融资了多少钱？第" + (i + 1) + "次问"));
        }
        for (Incoming q : questions) {
            telegram.awaitReplyTo(user, q.messageId(), WAIT);
        }

        // THEN both instances took some, and together they answered 4 and refused 2
        assertThat(questions).extracting(TwoInstancesEndToEndTest::instanceThatTook).contains("A", "B");
        List<Handled> asked = handledFor(user);
        assertThat(asked).hasSize(6);
        assertThat(asked).filteredOn(h -> h.reply().kind() == ReplyKind.REFUSAL).hasSize(2);
        assertThat(asked).filteredOn(h -> h.reply().kind() != ReplyKind.REFUSAL).hasSize(RATE_LIMIT);
    }

    @Test
    @Order(2)
    void theSameUpdateDeliveredToBothIsAnsweredOnce() {
        // GIVEN one update
        long user = 2002;

        // WHEN Telegram delivers it to both instances at once
        Incoming question = deliverToBothAndSettle(user, "Yi Tay 参加过哪个播客？");

        // THEN one of them answered it: one core saw it, one message replies to it
        assertThat(handledFor(user)).filteredOn(h -> h.request().text().contains("播客")).hasSize(1);
        assertThat(telegram.sentTo(user)).filteredOn(m -> Integer.valueOf(question.messageId())
                .equals(m.replyToMessageId())).hasSize(1);
    }

    @Test
    @Order(3)
    void aFollowUpOnBUsesTheConversationBegunOnA() {
        // GIVEN a conversation begun on A
        long user = 2005;
        String context = "Inflection 的联合创始人去了哪家公司？";
        BotReply first = post(a, user, context);
        int before = b.llm().requestCount();

        // WHEN its follow-up goes to B
        post(b, user, "他过去以后管什么？");

        // THEN B's core saw the conversation: it asked its LLM to rewrite the follow-up with A's turn as context
        assertThat(handledFor(user)).extracting(Handled::instance).containsExactly("A", "B");
        List<FakeChatServer.Recorded> all = b.llm().requests();
        List<FakeChatServer.Recorded> rewrites = all.subList(before, all.size()).stream()
                .filter(r -> r.userMessage().contains("<conversation>")).toList();
        assertThat(rewrites).singleElement().satisfies(r -> {
            String conversation = r.userMessage().substring(0, r.userMessage().indexOf("</conversation>"));
            assertThat(conversation).contains("User: " + context).contains("Bot: " + first.text().lines().findFirst()
                    .orElseThrow());
            assertThat(r.userMessage()).contains("他过去以后管什么？");
        });
    }

    /** Posts a question to one instance and returns the core's reply once it is sent. */
    private static BotReply post(Instance instance, long user, String text) {
        Incoming update = scripted(user, text);
        assertThat(telegram.postWebhook(instance.target(), SECRET, update)).isEqualTo(200);
        telegram.awaitReplyTo(user, update.messageId(), WAIT);
        return handledFor(user).stream().filter(h -> h.request().text().equals(text) && h.instance()
                .equals(instance.name())).reduce((first, second) -> second).orElseThrow().reply();
    }

    @Test
    @Order(4)
    void withRedisStoppedBothKeepAnsweringAndUseRedisAgainOnceItIsBack() throws Exception {
        // GIVEN Redis stops mid-run
        redis.stop();

        // WHEN questions keep coming to both instances in turn
        long user = 2006;
        List<Incoming> questions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            questions.add(telegram.privateMessage(user, "Reka 有多少人？" + i));
        }

        // THEN every one is answered (each instance on its own state), and both know Redis is away
        for (Incoming q : questions) {
            telegram.awaitReplyTo(user, q.messageId(), WAIT);
        }
        assertThat(questions).extracting(TwoInstancesEndToEndTest::instanceThatTook).contains("A", "B");
        assertThat(a.state().backend().reachable()).isFalse();
        assertThat(b.state().backend().reachable()).isFalse();

        // WHEN Redis is back
        redis.start();
        assertThat(Eventually.within(WAIT, () -> a.state().backend().reachable() && b.state().backend().reachable()))
                .isTrue();

        // THEN the two share their state again: an update delivered to both is answered once
        long again = 2007;
        Incoming question = deliverToBothAndSettle(again, "Reka 融资了多少钱？");
        assertThat(handledFor(again)).filteredOn(h -> h.request().text().contains("融资")).hasSize(1);
        assertThat(telegram.sentTo(again)).filteredOn(m -> Integer.valueOf(question.messageId())
                .equals(m.replyToMessageId())).hasSize(1);
        // AND the rate limit counts in Redis again: a new user's questions, in turn to A and B, are limited together
        long limited = 2008;
        List<Incoming> burst = new ArrayList<>();
        for (int i = 0; i < RATE_LIMIT + 2; i++) {
            burst.add(telegram.privateMessage(limited, "Yi Tay 为什么回 Google？" + i));
        }
        for (Incoming q : burst) {
            telegram.awaitReplyTo(limited, q.messageId(), WAIT);
        }
        assertThat(handledFor(limited)).filteredOn(h -> h.reply().kind() == ReplyKind.REFUSAL).hasSize(2);
    }
}
