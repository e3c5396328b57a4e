package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.LogCapture;
import dev.episodebot.discord.fake.FakeDiscordServer;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Tokens and keys never reach a log line or the console, on the failure paths too: the whole app
 * runs with token-shaped secrets against failing fake servers (Telegram 500s, a 409, rejected
 * markup, a 429; an LLM answering 500; a Telegram that refuses the token; a Discord that refuses
 * the intents), and every captured log event (with its whole exception chain), as the layout would
 * print it, and everything printed to the console is scanned.
 */
class SecretsNeverLoggedTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    @TempDir
    Path temp;

    /** Secrets shaped like the real thing, made at run time so no token-shaped literal is committed. */
    private static String telegramToken() {
        return (1_000_000_000L + RANDOM.nextInt(900_000_000)) + ":" + random(35);
    }

    private static String apiKey() {
        return "sk-" + random(40);
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private Map<String, String> baseEnv(FakeTelegramServer telegram, FakeChatServer llm, String token, String key) {
        Map<String, String> env = new HashMap<>(Map.of(
                "KNOWLEDGE_DIR", Path.of("../knowledge").toAbsolutePath().toString(),
                "CACHE_DIR", temp.resolve("cache").toString(),
                "DATA_DIR", temp.resolve("data").toString(),
                "TELEGRAM_BOT_TOKEN", token,
                "TELEGRAM_API_URL", telegram.url(),
                "LLM_PROVIDER", "openai",
                "LLM_BASE_URL", llm.openAiBaseUrl(),
                "LLM_API_KEY", key,
                "LLM_MODEL", "fake-model",
                "LLM_TIMEOUT", "2"));
        return env;
    }

    @Test
    void failurePathsNeverLogOrPrintASecret() throws Exception {
        String token = telegramToken();
        String key = apiKey();
        List<String> secrets = List.of(token, key, token.substring(token.indexOf(':') + 1), FakeDiscordServer.TOKEN);
        StringWriter console = new StringWriter();
        try (LogCapture logs = LogCapture.of(org.slf4j.Logger.ROOT_LOGGER_NAME).atLevel(Level.DEBUG);
                FakeTelegramServer telegram = FakeTelegramServer.start().expectToken(token);
                FakeChatServer llm = FakeChatServer.start();
                FakeDiscordServer discord = FakeDiscordServer.start(0)) {
            llm.otherwise(FakeChatServer.Reply.status(500, "upstream failed for key " + key));

            // WHEN the bot runs with both platforms and a failing LLM, through Telegram faults
            Map<String, String> env = baseEnv(telegram, llm, token, key);
            env.putAll(Map.of(
                    "DISCORD_TOKEN", FakeDiscordServer.TOKEN,
                    "DISCORD_GUILD_ID", FakeDiscordServer.GUILD_ID,
                    "DISCORD_REST_URL", discord.restUrl().toString(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl().toString()));
            RunCommand run = new RunCommand(new Env(env));
            CommandLine cli = new CommandLine(run);
            cli.setOut(new PrintWriter(console, true));
            cli.setErr(new PrintWriter(console, true));
            telegram.failNext("getUpdates", 500, "Internal Server Error");
            telegram.failNext("getUpdates", 409, "Conflict: terminated by other getUpdates request");
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(cli::execute);
            telegram.awaitArrivals("getUpdates", 3, Duration.ofSeconds(60));
            telegram.failNext("sendMessage", 400, "Bad Request: can't parse entities");
            telegram.rateLimitNext("sendMessage", 1);
            Incoming dm = telegram.privateMessage(1001, "Reka 的技术团队有多少人？");
            assertThat(telegram.awaitReplyTo(1001, dm.messageId(), Duration.ofSeconds(60)).plainText()).contains("15");
            String interaction = discord.sendSlashCommand("ask", Map.of("question", "Reka 的技术团队有多少人？"),
                    FakeDiscordServer.USER_ID);
            discord.awaitCall("PATCH", "/api/v10/webhooks/.*/" + interaction + "/messages/@original", Duration.ofSeconds(60));
            run.requestStop();
            assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();

            // AND when Telegram refuses the token at start
            telegram.failNext("getMe", 401, "Unauthorized");
            Map<String, String> refused = baseEnv(telegram, llm, token, key);
            CommandLine refusedCli = EpisodeBotCli.commandLine(new Env(refused));
            refusedCli.setOut(new PrintWriter(console, true));
            refusedCli.setErr(new PrintWriter(console, true));
            assertThat(refusedCli.execute("run")).isNotZero();

            // THEN no log event, rendered as the app's layout renders it or raw, and no console line holds a secret
            String everything = logs.everything();
            assertThat(everything).contains("Telegram"); // the failures were logged
            RedactingLayout layout = new RedactingLayout();
            layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            layout.setPattern("%msg%n%ex");
            layout.start();
            StringBuilder rendered = new StringBuilder();
            for (ILoggingEvent event : logs.events()) {
                rendered.append(layout.doLayout(event));
            }
            for (String secret : secrets) {
                assertThat(rendered.toString()).doesNotContain(secret);
                assertThat(console.toString()).doesNotContain(secret);
            }
            // raw events at INFO and above hold no secret either: the app masks before logging
            StringBuilder raw = new StringBuilder();
            for (ILoggingEvent event : logs.events()) {
                if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                    raw.append(event.getFormattedMessage()).append('\n');
                    if (event.getThrowableProxy() != null) {
                        raw.append(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(event.getThrowableProxy()));
                    }
                }
            }
            for (String secret : secrets) {
                assertThat(raw.toString()).as("raw log events").doesNotContain(secret);
            }
        }
    }
}
