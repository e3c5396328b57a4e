package dev.episodebot.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.FakeChatServer.Reply;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.episodebot.core.BotCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * LLM calls run in parallel up to the in-flight limit, and the time a question waits (for a slot to
 * answer in, or for an LLM call slot) is neither LLM time nor a failure of the LLM: with a 1.5 s
 * endpoint and {@code LLM_TIMEOUT=4}, eight questions at once all get the LLM's answer, and the
 * circuit stays closed.
 */
class ParallelLlmCallsTest {

    private static final String ANSWER = "Reka 的技术团队不到 15 人。[L114]";

    @TempDir
    Path root;

    @ParameterizedTest(name = "streamed={0}")
    @ValueSource(booleans = {false, true})
    void eightQuestionsAtOnceAllGetTheLlmAnswerAndTheCircuitStaysClosed(boolean streamed) throws Exception {
        // GIVEN an endpoint that answers every request after 1.5 s, and LLM_TIMEOUT=4
        try (FakeChatServer llm = FakeChatServer.start()) {
            llm.otherwise(Reply.delayed(Duration.ofMillis(1_500), Reply.text(ANSWER)));
            EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
            Map<String, String> env = new HashMap<>(llm.openAiEnv("4s"));
            try (BotCore core = TestCores.hashing(root, env)) {
                core.refresh(IndexingListener.none());
                // one question first, so the HTTP clients' first-use cost (class loading, on a loaded
                // machine seconds) is not measured against the 4 s: this test is about calls at once
                core.bot().handle(BotCommand.ASK, new BotRequest("warm", "warm", Platform.TELEGRAM, "Reka 是谁创立的？"),
                        streamed ? draft -> { } : dev.episodebot.core.ReplyProgress.NONE);
                int before = llm.requestCount();

                // WHEN eight users ask at the same moment
                int users = 8;
                ExecutorService pool = Executors.newFixedThreadPool(users);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<BotReply>> replies = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    String user = "u" + i;
                    replies.add(pool.submit(() -> {
                        start.await();
                        BotRequest request = new BotRequest("chat-" + user, user, Platform.TELEGRAM,
                                "Reka 的技术团队有多少人？");
                        // streamed: as an adapter asks, with a listener for drafts (the streaming client)
                        return streamed ? core.bot().handle(BotCommand.ASK, request, draft -> { })
                                : core.bot().ask(request);
                    }));
                }
                start.countDown();
                List<BotReply> answers = new ArrayList<>();
                for (Future<BotReply> reply : replies) {
                    answers.add(reply.get(60, TimeUnit.SECONDS));
                }
                pool.shutdown();

                // THEN every one of them is the LLM's answer, and the endpoint served eight requests
                assertThat(answers).allSatisfy(reply -> {
                    assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
                    assertThat(reply.notes()).isEmpty();
                    assertThat(reply.lead()).isEqualTo("Reka 的技术团队不到 15 人。[1]");
                });
                assertThat(llm.requestCount()).isEqualTo(before + users);
                // AND the circuit is closed: the next question goes to the LLM too
                BotReply next = core.bot().ask(new BotRequest("chat-next", "next", Platform.TELEGRAM,
                        "Reka 的技术团队有多少人？"));
                assertThat(llm.requestCount()).isEqualTo(before + users + 1);
                assertThat(next.lead()).isEqualTo("Reka 的技术团队不到 15 人。[1]");
            }
        }
    }
}
