package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past MAX_IN_FLIGHT answers and MAX_QUEUED waiting questions, the bot says it is busy at once. */
class InFlightLimitTest {

    private static final String REKA_TEAM = "Reka 的技术团队有多少人？";

    @TempDir
    Path root;

    @Test
    void questionBeyondTheInFlightAndQueueLimitsIsToldTheBotIsBusy() throws Exception {
        // GIVEN one answer at a time, no queue, and an LLM that keeps the first question busy for LLM_TIMEOUT
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        try (FakeChatServer llm = FakeChatServer.start()) {
            llm.otherwise(FakeChatServer.Reply.hang());
            Map<String, String> env = new HashMap<>(llm.openAiEnv("2s"));
            env.put("MAX_IN_FLIGHT", "1");
            env.put("MAX_QUEUED", "0");
            try (BotCore core = TestCores.create(TestCores.config(root, env))) {
                core.refresh(IndexingListener.none());
                CompletableFuture<BotReply> first = CompletableFuture.supplyAsync(
                        () -> core.bot().ask(new BotRequest("a", "1", Platform.TELEGRAM, REKA_TEAM)));
                long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (llm.requestCount() == 0 && System.nanoTime() < waitUntil) {
                    Thread.sleep(20);
                }
                assertThat(llm.requestCount()).as("first question reached the LLM").isEqualTo(1);

                // WHEN a second user asks while the first answer is in flight
                BotReply second = core.bot().ask(new BotRequest("b", "2", Platform.TELEGRAM, REKA_TEAM));

                // THEN the second is told the bot is busy, and the first still gets its answer
                assertThat(second.kind()).isEqualTo(ReplyKind.BUSY);
                assertThat(second.text()).isEqualTo(BotTexts.busy(Language.ZH));
                assertThat(first.get(10, TimeUnit.SECONDS).kind()).isEqualTo(ReplyKind.ANSWER);
                // AND once it is done, questions are answered again
                assertThat(core.bot().ask(new BotRequest("b", "2", Platform.TELEGRAM, REKA_TEAM)).kind())
                        .isEqualTo(ReplyKind.ANSWER);
            }
        }
    }
}
