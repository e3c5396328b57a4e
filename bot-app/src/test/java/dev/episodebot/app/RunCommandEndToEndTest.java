package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.config.Env;
import dev.episodebot.discord.fake.FakeDiscordServer;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.SentMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The composition root end to end: {@code run} with both tokens set starts the Telegram and the
 * Discord adapter in one JVM, on the real telegrambots and JDA clients, against fake Bot API and
 * Discord servers on 127.0.0.1, answering from the real core and the bundled episode.
 */
class RunCommandEndToEndTest {

    private static final String QUESTION = "Reka 的技术团队有多少人？";
    /** What the answer must show once: the episode says the team had fewer than 15 people. */
    private static final String FACT = "不到 15 人";
    /** One citation for lines 113–116, or for the single line 114. */
    private static final String CITED_LINES_ZH = "第 (113–116|114) 行";
    private static final String TELEGRAM_TOKEN = "123456:TEST-token-for-the-fake-server";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SOURCE = "episode-yi-tay-returns-to-google.txt";
    /** The two lines of the bundled episode that name Snowflake. */
    private static final String LINE_187 = "美国云计算数据服务公司 Snowflake 有意以超 10 亿美元的价格收购";
    private static final String LINE_189 = "疑似 Reka 方面认为 Snowflake 开价太低";

    @TempDir
    Path temp;

    private FakeTelegramServer telegram;
    private FakeDiscordServer discord;

    @AfterEach
    void tearDown() throws IOException {
        if (telegram != null) {
            telegram.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void runStartsBothAdaptersInOneJvmAndAnswersFromTheEpisode() throws Exception {
        // GIVEN fake Telegram and Discord servers and a free health port
        telegram = FakeTelegramServer.start();
        discord = FakeDiscordServer.start(0);
        int healthPort = freePort();
        Env env = new Env(Map.ofEntries(
                Map.entry("KNOWLEDGE_DIR", Path.of("../knowledge").toAbsolutePath().toString()),
                Map.entry("CACHE_DIR", temp.resolve("cache").toString()),
                Map.entry("DATA_DIR", temp.resolve("data").toString()),
                Map.entry("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN),
                Map.entry("TELEGRAM_API_URL", telegram.url()),
                Map.entry("DISCORD_TOKEN", FakeDiscordServer.TOKEN),
                Map.entry("DISCORD_GUILD_ID", FakeDiscordServer.GUILD_ID),
                Map.entry("DISCORD_REST_URL", discord.restUrl().toString()),
                Map.entry("DISCORD_GATEWAY_URL", discord.gatewayUrl().toString()),
                Map.entry("HEALTH_PORT", Integer.toString(healthPort))));
        RunCommand run = new RunCommand(env);
        CommandLine cli = new CommandLine(run);

        // WHEN the bot runs
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(cli::execute);
        HttpResponse<String> health = awaitHealthy(healthPort, exit);

        // THEN health reports both adapters connected and the index built
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"telegram\":\"connected\"", "\"discord\":\"connected\"", "\"chunks\":");

        // AND a Telegram DM is answered with the answering line once, bold in its quote, with one citation
        Incoming dm = telegram.privateMessage(1001, QUESTION);
        SentMessage dmReply = telegram.awaitReplyTo(1001, dm.messageId(), TIMEOUT);
        Thread.sleep(500);
        assertThat(telegram.sentTo(1001)).containsExactly(dmReply);
        assertThat(occurrences(dmReply.text(), FACT)).isEqualTo(1);
        assertThat(occurrences(dmReply.plainText(), FACT)).isEqualTo(1);
        assertThat(dmReply.text()).containsPattern("<blockquote>[^<]*<b>[^<]*" + FACT + "[^<]*</b>")
                .containsPattern(CITED_LINES_ZH);
        assertThat(occurrences(dmReply.plainText(), "—— ")).isEqualTo(1);

        // AND an unmentioned group message is ignored while a group /ask is answered
        telegram.groupMessage(-2001, 1002, "大家觉得这期节目怎么样");
        Incoming groupAsk = telegram.groupMessage(-2001, 1002, "/ask " + QUESTION);
        SentMessage groupReply = telegram.awaitReplyTo(-2001, groupAsk.messageId(), TIMEOUT);
        assertThat(groupReply.text()).contains("15");
        assertThat(telegram.sentTo(-2001)).hasSize(1);

        // AND a Discord /ask is deferred, then answered with 15 through the real JDA client
        String token = discord.sendSlashCommand("ask", Map.of("question", QUESTION), FakeDiscordServer.USER_ID);
        discord.awaitCall("POST", "/api/v10/interactions/\\d+/" + token + "/callback", TIMEOUT);
        FakeDiscordServer.RestCall original = discord.awaitCall("PATCH",
                "/api/v10/webhooks/" + FakeDiscordServer.APPLICATION_ID + "/" + token + "/messages/@original", TIMEOUT);
        // the whole message (content and embeds) holds the fact once, bold in a block quote, with one citation
        assertThat(occurrences(original.body(), FACT)).isEqualTo(1);
        String content = original.json().getString("content");
        assertThat(content).containsPattern("(?m)^> \\*\\*[^*]*" + FACT + "[^*]*\\*\\*$")
                .containsPattern(CITED_LINES_ZH);
        assertThat(occurrences(content, "\n-# ")).isEqualTo(1);
        assertThat(original.json().getArray("embeds").length()).isZero();

        // AND the Telegram menu offers /outline, /summary and /search
        assertThat(telegram.calls("setMyCommands")).isNotEmpty().allSatisfy(menu ->
                assertThat(menu.params().path("commands").findValuesAsText("command")).contains("outline", "summary", "search"));

        // AND a Telegram /search Snowflake lists lines 187 and 189, each with its citation
        Incoming search = telegram.privateMessage(1001, "/search Snowflake");
        SentMessage found = telegram.awaitReplyTo(1001, search.messageId(), TIMEOUT);
        assertThat(found.plainText()).contains(LINE_187, LINE_189)
                .containsPattern(SOURCE + " · (第 187 行|line 187)").containsPattern(SOURCE + " · (第 189 行|line 189)");
        assertThat(found.callbackData()).noneMatch(d -> d.startsWith("mr:"));

        // AND a term on more than 10 lines shows 10, with a "more" button that brings the rest
        Incoming many = telegram.privateMessage(1001, "/search reka");
        SentMessage firstPage = telegram.awaitReplyTo(1001, many.messageId(), TIMEOUT);
        assertThat(occurrences(firstPage.plainText(), SOURCE + " · ")).isEqualTo(10);
        String more = firstPage.callbackData().stream().filter(d -> d.startsWith("mr:")).findFirst().orElseThrow();
        int before = telegram.sentTo(1001).size();
        telegram.callback(1001, 1001, firstPage.messageId(), more);
        SentMessage secondPage = awaitNewMessage(1001, before);
        assertThat(occurrences(secondPage.plainText(), SOURCE + " · ")).isBetween(1, 10);
        assertThat(secondPage.plainText()).doesNotContain(firstPage.plainText().lines().filter(l -> l.contains(SOURCE))
                .findFirst().orElseThrow());

        // AND a Discord /search term:Snowflake lists lines 187 and 189, each with its citation
        String searchToken = discord.sendSlashCommand("search", Map.of("term", "Snowflake"), FakeDiscordServer.USER_ID);
        FakeDiscordServer.RestCall searched = discord.awaitCall("PATCH",
                "/api/v10/webhooks/" + FakeDiscordServer.APPLICATION_ID + "/" + searchToken + "/messages/@original", TIMEOUT);
        String shown = searched.json().getString("content") + searched.json().getArray("embeds");
        assertThat(shown).contains(LINE_187, LINE_189)
                .containsPattern("(第 187 行|line 187)").containsPattern("(第 189 行|line 189)");

        // AND on Discord too a long list shows 10 lines with a "more" button
        String manyToken = discord.sendSlashCommand("search", Map.of("term", "Reka"), FakeDiscordServer.USER_ID);
        FakeDiscordServer.RestCall manyShown = discord.awaitCall("PATCH",
                "/api/v10/webhooks/" + FakeDiscordServer.APPLICATION_ID + "/" + manyToken + "/messages/@original", TIMEOUT);
        assertThat(occurrences(manyShown.body(), SOURCE + " · ")).isEqualTo(10);
        assertThat(manyShown.body()).contains("\"custom_id\":\"mr:");

        // AND one OkHttp is on the classpath, the one JDA needs (5.x), shared by telegrambots
        List<URL> okHttpClasses = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
        assertThat(okHttpClasses).hasSize(1);
        assertThat(okhttp3.OkHttp.VERSION).startsWith("5.");

        // WHEN asked to stop (as SIGTERM does)
        run.requestStop();

        // THEN it exits 0
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    }

    private SentMessage awaitNewMessage(long chatId, int before) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<SentMessage> sent = telegram.sentTo(chatId);
            if (sent.size() > before) {
                return sent.get(before);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no new message to " + chatId);
    }

    private static int occurrences(String haystack, String needle) {
        return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    private static HttpResponse<String> awaitHealthy(int port, CompletableFuture<Integer> exit) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline && !exit.isDone()) {
            try {
                last = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        if (exit.isDone()) {
            throw new AssertionError("run exited early with " + exit.get());
        }
        return last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
