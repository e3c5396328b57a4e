package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import dev.episodebot.telegram.fake.Incoming;
import dev.episodebot.telegram.fake.SentMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on a running bot (a real child JVM running {@code run}): intake stops, the answer in
 * flight is still delivered, the Telegram offset is saved, and the process exits 0.
 */
class GracefulShutdownTest {

    @TempDir
    Path temp;

    @Test
    void sigtermLetsTheAnswerInFlightFinishSavesStateAndExitsZero() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start();
                FakeChatServer llm = FakeChatServer.start()) {
            // GIVEN a slow LLM and the bot running in its own JVM
            llm.otherwise(FakeChatServer.Reply.delayed(Duration.ofSeconds(4), FakeChatServer.Reply.text("不到 15 人。[L114]")));
            Path log = temp.resolve("bot.log");
            Process bot = BotProcess.run(BotProcess.env(temp, telegram, llm, "20"), log);
            try {
                telegram.awaitArrivals("getUpdates", 1, Duration.ofSeconds(90));

                // WHEN a question is being answered (the LLM call is in flight) and SIGTERM arrives
                Incoming question = telegram.privateMessage(1001, "Reka 的技术团队有多少人？");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (llm.requestCount() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(llm.requestCount()).as("LLM call in flight").isPositive();
                bot.destroy(); // SIGTERM

                // THEN the process exits 0 within the grace period
                assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
                assertThat(bot.exitValue()).as(Files.readString(log)).isZero();
                // AND the answer in flight was delivered
                SentMessage answer = telegram.awaitReplyTo(1001, question.messageId(), Duration.ofSeconds(5));
                // (streamed: the message holds the final answer once the edits are done)
                assertThat(telegram.shownText(1001, answer.messageId())).contains("不到 15 人")
                        .doesNotContain(dev.episodebot.core.answer.Messages.llmFallbackNote(dev.episodebot.core.Language.ZH));
                // AND the Telegram offset was saved for the next start
                try (Stream<Path> files = Files.walk(temp.resolve("data"))) {
                    assertThat(files.map(Path::toString)).anyMatch(p -> p.contains("telegram") && p.endsWith(".properties"));
                }
                assertThat(Files.readString(log)).contains("Stopping").contains("Stopped");
            } finally {
                bot.destroyForcibly();
            }
        }
    }
}
