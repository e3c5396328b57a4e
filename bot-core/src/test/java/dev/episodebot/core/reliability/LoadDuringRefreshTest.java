package dev.episodebot.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 500 questions at once while the knowledge is refreshed: every one gets a reply, memory stays bounded. */
class LoadDuringRefreshTest {

    @TempDir
    Path temp;

    private BotCore core(Path knowledge, int maxInFlight, int maxQueued) {
        return TestCores.hashing(temp, Map.of("MAX_IN_FLIGHT", Integer.toString(maxInFlight),
                "MAX_QUEUED", Integer.toString(maxQueued)));
    }

    private Path knowledge() {
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        return knowledge;
    }

    private static List<BotReply> fire(BotCore core, Path knowledge, int questions) throws Exception {
        ExecutorService users = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<BotReply>> futures = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            String user = Integer.toString(1000 + i);
            String question = i % 3 == 0 ? "Reka 的技术团队有多少人？" : i % 3 == 1 ? "他在 Reka 担任什么职位？" : "What happened to Reka?";
            futures.add(users.submit(() -> {
                go.await();
                return core.bot().handle(BotCommand.ASK, new BotRequest("c" + user, user, Platform.TELEGRAM, question));
            }));
        }
        go.countDown();
        // a refresh (new file, changed file) runs while the questions are answered
        Files.writeString(knowledge.resolve("extra-" + questions + ".txt"), "加更一期：节目组新增了一位嘉宾\n",
                StandardCharsets.UTF_8);
        core.refresh(IndexingListener.none());
        List<BotReply> replies = new ArrayList<>();
        for (Future<BotReply> future : futures) {
            replies.add(future.get(120, TimeUnit.SECONDS));
        }
        users.shutdown();
        return replies;
    }

    @Test
    void fiveHundredConcurrentQuestionsDuringARefreshAreAllAnswered() throws Exception {
        // GIVEN a core whose queue can hold every question
        Path knowledge = knowledge();
        try (BotCore core = core(knowledge, 4, 600)) {
            core.refresh(IndexingListener.none());
            long before = usedHeapAfterGc();

            // WHEN 500 users ask at once while the knowledge is refreshed
            List<BotReply> replies = fire(core, knowledge, 500);

            // THEN every question got an answer, none failed or was lost
            assertThat(replies).hasSize(500).allSatisfy(reply -> {
                assertThat(reply.kind().isAnswer()).isTrue();
                assertThat(reply.text()).isNotBlank();
            });
            assertThat(replies.stream().filter(r -> r.text().contains("15")).count()).isGreaterThan(100);
            // AND the heap did not grow without bound (conversations and caches are bounded)
            assertThat(usedHeapAfterGc() - before).isLessThan(256L * 1024 * 1024);
        }
    }

    @Test
    void pastTheQueueTheBotSaysItIsBusyInsteadOfPilingUp() throws Exception {
        // GIVEN a core that answers 1 question at a time and lets 10 wait
        Path knowledge = knowledge();
        try (BotCore core = core(knowledge, 1, 10)) {
            core.refresh(IndexingListener.none());

            // WHEN 500 users ask at once
            List<BotReply> replies = fire(core, knowledge, 500);

            // THEN everyone got a reply: answers for those in the queue, a polite "busy" for the rest
            assertThat(replies).hasSize(500).allSatisfy(reply -> assertThat(reply.text()).isNotBlank());
            long busy = replies.stream().filter(r -> r.kind() == ReplyKind.BUSY).count();
            long answered = replies.stream().filter(r -> r.kind().isAnswer()).count();
            assertThat(busy + answered).isEqualTo(500);
            assertThat(busy).isPositive();
            assertThat(answered).isGreaterThanOrEqualTo(11);
            assertThat(replies.stream().filter(r -> r.kind() == ReplyKind.BUSY))
                    .allSatisfy(r -> assertThat(r.text()).containsAnyOf("忙", "busy"));
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
