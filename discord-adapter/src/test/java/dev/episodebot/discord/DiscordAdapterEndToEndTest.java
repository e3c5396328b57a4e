package dev.episodebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import dev.episodebot.discord.fake.FakeDiscordServer;
import dev.episodebot.discord.fake.FakeDiscordServer.RestCall;
import dev.episodebot.discord.gateway.GatewayMonitor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The adapter with the real JDA client against {@link FakeDiscordServer} on 127.0.0.1: login,
 * gateway handshake, command registration, then a {@code /ask} interaction, a mention that starts a
 * thread and a follow-up in that thread, a feedback click and a DM, all checked in the REST calls
 * that come back; a refused privileged intent; and a graceful shutdown with an answer in flight.
 */
class DiscordAdapterEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String QUESTION = "Reka 的技术团队有多少人？";
    private static final String QUOTE = "这些成就是由不到 15 人的技术团队完成的";
    /** What the stub core's answer looks like on Discord: the quoted line, bold, and its citation line. */
    private static final String ANSWER = "节目里是这样说的：\n> **" + QUOTE + "**\n-# —— Yi Tay 重返谷歌 · 第 114 行";

    private final List<BotRequest> requests = new CopyOnWriteArrayList<>();
    private final List<BotCommand> commands = new CopyOnWriteArrayList<>();
    private final List<String> votes = new CopyOnWriteArrayList<>();
    private FakeDiscordServer discord;
    private DiscordAdapter adapter;

    /** A stand-in for the core: answers with line 114 as a quote, as the real core does for this question. */
    private final EpisodeBot stubCore = (command, request) -> {
        commands.add(command);
        requests.add(request);
        if (command != BotCommand.ASK) {
            return BotReply.info("Help for " + command.word(), Language.EN);
        }
        Citation citation = new Citation("episode-yi-tay-returns-to-google.txt", 114, 114, null, null, null, QUOTE,
                "Yi Tay 重返谷歌");
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, Language.ZH).id("reply-" + requests.size());
        return reply.leadFromQuote(reply.quote(citation, List.of(QUOTE), 0)).build();
    };

    @BeforeEach
    void startFakeDiscord() throws Exception {
        discord = FakeDiscordServer.start(0);
    }

    @AfterEach
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        discord.close();
    }

    private DiscordConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                DiscordConfig.TOKEN, FakeDiscordServer.TOKEN,
                DiscordConfig.GUILD_ID, FakeDiscordServer.GUILD_ID,
                DiscordConfig.REST_URL, discord.restUrl().toString(),
                DiscordConfig.GATEWAY_URL, discord.gatewayUrl().toString()));
        env.putAll(extra);
        return DiscordConfig.from(new Env(env)).withTimeouts(Duration.ofSeconds(10), TIMEOUT);
    }

    @Test
    void answersSlashCommandMentionAndThreadFollowUpThroughTheRealJdaClient() throws Exception {
        // GIVEN the adapter, with a stub core, started against the fake Discord
        adapter = new DiscordAdapter(config(Map.of()), stubCore, (replyId, platform, userId, vote) -> {
            votes.add(platform + " " + userId + " " + vote + " " + replyId);
            return true;
        });
        adapter.start();

        // THEN it logged in, connected without compression, identified with the non-privileged intents
        assertThat(adapter.isConnected()).isTrue();
        assertThat(discord.calls().get(0).path()).isEqualTo("/api/v10/users/@me");
        assertThat(discord.gatewayQueries()).containsExactly("encoding=json&v=10");
        DataObject identify = discord.identifies().get(0);
        assertThat(identify.getString("token")).isEqualTo(FakeDiscordServer.TOKEN);
        int intents = identify.getInt("intents");
        assertThat(intents & GatewayIntent.GUILD_MESSAGES.getRawValue()).isNotZero();
        assertThat(intents & GatewayIntent.DIRECT_MESSAGES.getRawValue()).isNotZero();
        assertThat(intents & GatewayIntent.MESSAGE_CONTENT.getRawValue()).isZero();

        // AND registered the nine slash commands to the test server
        RestCall registration = discord.awaitCall("PUT", "/api/v10/applications/" + FakeDiscordServer.APPLICATION_ID
                + "/guilds/" + FakeDiscordServer.GUILD_ID + "/commands", TIMEOUT);
        DataArray registered = registration.jsonArray();
        assertThat(registered.length()).isEqualTo(9);
        assertThat(registered.getObject(0).getString("name")).isEqualTo("ask");
        assertThat(java.util.stream.IntStream.range(0, registered.length())
                .mapToObj(i -> registered.getObject(i).getString("name")).toList())
                .contains("outline", "summary", "search");

        // WHEN a user runs /ask in the channel
        String token = discord.sendSlashCommand("ask", Map.of("question", QUESTION), FakeDiscordServer.USER_ID);

        // THEN the interaction is deferred first, then the original response becomes the answer
        RestCall callback = discord.awaitCall("POST", "/api/v10/interactions/\\d+/" + token + "/callback", TIMEOUT);
        assertThat(callback.json().getInt("type")).isEqualTo(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
        RestCall original = discord.awaitCall("PATCH",
                "/api/v10/webhooks/" + FakeDiscordServer.APPLICATION_ID + "/" + token + "/messages/@original", TIMEOUT);
        DataObject answer = original.json();
        assertThat(answer.getString("content")).contains("15").isEqualTo(ANSWER);
        assertThat(answer.getObject("allowed_mentions").getArray("parse").length()).isZero();
        assertThat(answer.getArray("embeds").length()).isZero();
        assertThat(original.body()).contains("fb:u:reply-1", "fb:d:reply-1");
        assertThat(indexOf(callback)).isLessThan(indexOf(original));
        assertThat(requests.get(0)).isEqualTo(new BotRequest(
                FakeDiscordServer.CHANNEL_ID + ":" + FakeDiscordServer.USER_ID, FakeDiscordServer.USER_ID,
                Platform.DISCORD, QUESTION, "zh-CN", false));

        // WHEN a user mentions the bot with the question in the channel
        String messageId = discord.sendGuildMessage(FakeDiscordServer.CHANNEL_ID,
                "<@" + FakeDiscordServer.BOT_ID + "> " + QUESTION, FakeDiscordServer.USER_ID, true);

        // THEN a thread is started on that message and answered in
        RestCall thread = discord.awaitCall("POST",
                "/api/v10/channels/" + FakeDiscordServer.CHANNEL_ID + "/messages/" + messageId + "/threads", TIMEOUT);
        assertThat(thread.json().getString("name")).isEqualTo(QUESTION);
        String threadId = messageId; // Discord gives a thread started on a message the message's id
        RestCall threadReply = discord.awaitCall("POST", "/api/v10/channels/" + threadId + "/messages", TIMEOUT);
        assertThat(threadReply.json().getString("content")).isEqualTo(ANSWER);
        assertThat(threadReply.json().getObject("allowed_mentions").getArray("parse").length()).isZero();
        assertThat(requests.get(1)).isEqualTo(
                new BotRequest(threadId, FakeDiscordServer.USER_ID, Platform.DISCORD, QUESTION, "en-US", false));

        // WHEN the user writes in the thread without mentioning the bot (without the MESSAGE_CONTENT intent,
        //      Discord sends no text for it), then follows up mentioning the bot
        discord.sendGuildMessage(threadId, "谢谢！", FakeDiscordServer.USER_ID, false);
        discord.sendGuildMessage(threadId, "<@" + FakeDiscordServer.BOT_ID + "> 他们后来怎么样了？",
                FakeDiscordServer.USER_ID, true);

        // THEN only the follow-up is asked, with the thread's conversation, and answered in the thread
        discord.awaitCall("POST", "/api/v10/channels/" + threadId + "/messages", 2, TIMEOUT);
        assertThat(requests.get(2)).isEqualTo(
                new BotRequest(threadId, FakeDiscordServer.USER_ID, Platform.DISCORD, "他们后来怎么样了？", "en-US", false));
        assertThat(commands).containsExactly(BotCommand.ASK, BotCommand.ASK, BotCommand.ASK);

        // WHEN the user clicks 👍 under the first answer
        String clickToken = discord.sendButtonClick("fb:u:reply-1", FakeDiscordServer.USER_ID);

        // THEN the vote is recorded through the core feedback API and acknowledged privately
        RestCall ack = discord.awaitCall("POST", "/api/v10/interactions/\\d+/" + clickToken + "/callback", TIMEOUT);
        assertThat(ack.json().getInt("type")).isEqualTo(4); // CHANNEL_MESSAGE_WITH_SOURCE
        assertThat(ack.json().getObject("data").getInt("flags") & 64).isEqualTo(64); // ephemeral
        assertThat(ack.json().getObject("data").getString("content")).isEqualTo("感谢反馈！"); // zh-CN client
        assertThat(votes).containsExactly("DISCORD " + FakeDiscordServer.USER_ID + " UP reply-1");

        // WHEN the user asks in a DM, with a text command
        discord.sendDirectMessage("/sources");

        // THEN the command goes to the core with the DM's conversation and the reply to the DM
        RestCall dmReply = discord.awaitCall("POST",
                "/api/v10/channels/" + FakeDiscordServer.DM_CHANNEL_ID + "/messages", TIMEOUT);
        assertThat(dmReply.json().getString("content")).isEqualTo("Help for sources");
        assertThat(requests.get(3)).isEqualTo(new BotRequest(
                FakeDiscordServer.DM_CHANNEL_ID, FakeDiscordServer.USER_ID, Platform.DISCORD, "", null, true));
        assertThat(commands).containsExactly(BotCommand.ASK, BotCommand.ASK, BotCommand.ASK, BotCommand.SOURCES);
    }

    @Test
    void aMegabyteAnswerIsFourMessagesThenMoreOnlyWhenAsked() throws Exception {
        // GIVEN a core whose answer is 1 MB of text (the red-team's LLM answer became 500 Discord messages)
        StringBuilder huge = new StringBuilder();
        for (int i = 0; huge.length() < 1_000_000; i++) {
            huge.append("Part ").append(i).append(": ").append("w".repeat(490)).append("\n\n");
        }
        EpisodeBot hugeCore = (command, request) -> new BotReply("big-1", huge.toString(), List.of(), true, Language.EN,
                ReplyKind.ANSWER);
        adapter = new DiscordAdapter(config(Map.of()), hugeCore, (replyId, platform, userId, vote) -> true);
        adapter.start();

        // WHEN a user asks with /ask
        String token = discord.sendSlashCommand("ask", Map.of("question", "everything"), FakeDiscordServer.USER_ID);

        // THEN the original response and three follow-ups come, each within 2000 characters, and no more
        String webhook = "/api/v10/webhooks/" + FakeDiscordServer.APPLICATION_ID + "/" + token;
        RestCall original = discord.awaitCall("PATCH", webhook + "/messages/@original", TIMEOUT);
        RestCall last = discord.awaitCall("POST", webhook, 3, TIMEOUT);
        Thread.sleep(500);
        List<RestCall> sent = discord.calls().stream().filter(c -> c.path().startsWith(webhook)).toList();
        assertThat(sent).hasSize(4).allSatisfy(c -> assertThat(c.json().getString("content").length())
                .isLessThanOrEqualTo(2000));
        assertThat(original.body()).doesNotContain("mr:");
        // AND the last carries the votes and a "more" button
        assertThat(last.body()).contains("fb:u:big-1", "fb:d:big-1");
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("\"(mr:[0-9a-z]+)\"").matcher(last.body());
        assertThat(more.find()).isTrue();

        // WHEN the user presses "more"
        String click = discord.sendButtonClick(more.group(1), FakeDiscordServer.USER_ID);

        // THEN the press is deferred, and the next four messages come through its own hook
        RestCall deferred = discord.awaitCall("POST", "/api/v10/interactions/\\d+/" + click + "/callback", TIMEOUT);
        assertThat(deferred.json().getInt("type")).isEqualTo(5);
        String clickHook = "/api/v10/webhooks/" + FakeDiscordServer.APPLICATION_ID + "/" + click;
        discord.awaitCall("PATCH", clickHook + "/messages/@original", TIMEOUT);
        RestCall nextLast = discord.awaitCall("POST", clickHook, 3, TIMEOUT);
        assertThat(nextLast.body()).contains("mr:").doesNotContain("fb:u:");
    }

    @Test
    void disallowedMessageContentIntentFailsStartWithDeveloperPortalAdvice() throws Exception {
        // GIVEN a fake Discord that refuses the privileged MESSAGE_CONTENT intent, and a log capture
        discord.refuseIntents(FakeDiscordServer.MESSAGE_CONTENT_INTENT);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger monitorLog = (Logger) LoggerFactory.getLogger(GatewayMonitor.class);
        monitorLog.addAppender(log);
        adapter = new DiscordAdapter(config(Map.of(DiscordConfig.MESSAGE_CONTENT, "true")), stubCore,
                (replyId, platform, userId, vote) -> true);

        try {
            // WHEN the adapter starts
            // THEN it fails, naming exactly what to enable in the Developer Portal (or what to unset)
            assertThatThrownBy(adapter::start)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Bot → Privileged Gateway Intents → Message Content Intent")
                    .hasMessageContaining("unset DISCORD_MESSAGE_CONTENT");
            assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                    .contains("close code 4014", "Bot → Privileged Gateway Intents → Message Content Intent"));
            assertThat(discord.identifies().get(0).getInt("intents") & FakeDiscordServer.MESSAGE_CONTENT_INTENT)
                    .isNotZero();
        } finally {
            monitorLog.detachAppender(log);
        }
    }

    @Test
    void closeTakesNoNewWorkAndLetsTheAnswerInFlightFinishBeforeJdaShutsDown() throws Exception {
        // GIVEN a slow core, and a question it is answering
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EpisodeBot slowCore = (command, request) -> {
            asked.countDown();
            try {
                release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return stubCore.handle(command, request);
        };
        adapter = new DiscordAdapter(config(Map.of()), slowCore, (replyId, platform, userId, vote) -> true);
        adapter.start();
        String inFlight = discord.sendSlashCommand("ask", Map.of("question", QUESTION), FakeDiscordServer.USER_ID);
        assertThat(asked.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        // WHEN the adapter is closed
        Thread closer = new Thread(adapter::close, "closer");
        closer.start();
        closer.join(300);

        // THEN it waits for the answer with JDA still connected
        assertThat(closer.isAlive()).isTrue();
        assertThat(adapter.isConnected()).isTrue();

        // AND new work is not taken: a mention is ignored, a slash command is told the bot is busy
        discord.sendGuildMessage(FakeDiscordServer.CHANNEL_ID, "<@" + FakeDiscordServer.BOT_ID + "> " + QUESTION,
                FakeDiscordServer.USER_ID, true);
        String late = discord.sendSlashCommand("ask", Map.of("question", QUESTION), FakeDiscordServer.USER_ID);
        RestCall busy = discord.awaitCall("PATCH", "/api/v10/webhooks/\\d+/" + late + "/messages/@original", TIMEOUT);
        assertThat(busy.json().getString("content")).contains("请过一分钟再问");

        // WHEN the answer in flight completes
        release.countDown();
        closer.join(TIMEOUT.toMillis());

        // THEN it was delivered, and only then did JDA shut down
        assertThat(closer.isAlive()).isFalse();
        RestCall answer = discord.awaitCall("PATCH", "/api/v10/webhooks/\\d+/" + inFlight + "/messages/@original",
                Duration.ZERO);
        assertThat(answer.json().getString("content")).isEqualTo(ANSWER);
        assertThat(discord.calls()).noneMatch(call -> call.path().endsWith("/threads"));
        assertThat(requests).hasSize(1);
        assertThat(adapter.isConnected()).isFalse();
        assertThat(adapter.jda().getStatus()).isEqualTo(JDA.Status.SHUTDOWN);
    }

    private int indexOf(RestCall call) {
        return discord.calls().indexOf(call);
    }
}
