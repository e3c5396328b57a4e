package dev.episodebot.core.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.index.RefreshReport;
import dev.episodebot.core.testing.Eventually;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import dev.episodebot.core.testing.TestCores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operators add, edit and delete transcripts while people ask questions. */
class KnowledgeRefreshTest {

    private static final Path EPISODE = Path.of("../knowledge/episode-yi-tay-returns-to-google.txt");

    @TempDir
    Path temp;

    private Path knowledge;
    private HashingEmbeddingModel model;
    private BotCore core;

    @BeforeEach
    void setUp() throws IOException {
        knowledge = Files.createDirectories(TestCores.knowledgeDir(temp));
        Files.copy(EPISODE, knowledge.resolve(EPISODE.getFileName()));
        model = new HashingEmbeddingModel(512);
        core = newCore(model);
        core.refresh(dev.episodebot.core.index.IndexingListener.none());
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private BotCore newCore(HashingEmbeddingModel embeddings) {
        CoreConfig config = TestCores.config(temp, Map.of("EMBEDDING_MODEL", "bge-small-zh", "BOT_ADMINS", "telegram:42"));
        return TestCores.create(config, spec -> embeddings, Clock.systemUTC());
    }

    private BotReply ask(String text) {
        return core.bot().handle(BotCommand.ASK, new BotRequest("console", "console", Platform.CONSOLE, text));
    }

    private static boolean cites(BotReply reply, String source) {
        return reply.citations().stream().map(Citation::source).anyMatch(source::equals);
    }

    @Test
    void questionsKeepBeingAnsweredWhileFilesAreAddedChangedAndDeleted() throws Exception {
        // GIVEN a watched knowledge folder with a second episode that will be deleted
        Files.writeString(knowledge.resolve("old-episode.txt"), "旧节目里说海豚乐队的鼓手名叫王小石\n他每周三晚上排练\n",
                StandardCharsets.UTF_8);
        core.refresh(dev.episodebot.core.index.IndexingListener.none());
        assertThat(cites(ask("海豚乐队的鼓手名叫什么？"), "old-episode.txt")).isTrue();
        try (KnowledgeWatcher watcher = core.watchKnowledge(Duration.ofMillis(200), Duration.ofSeconds(1))) {
            ExecutorService askers = Executors.newFixedThreadPool(16);
            List<Future<BotReply>> replies = new ArrayList<>();
            // WHEN 200 questions run concurrently while files are added, modified and deleted
            for (int i = 0; i < 200; i++) {
                String question = i % 2 == 0 ? "Reka 的技术团队有多少人？" : "What did Yi Tay do after Reka?";
                replies.add(askers.submit(() -> ask(question)));
                if (i == 50) {
                    Files.writeString(knowledge.resolve("mascot.txt"),
                            "我们公司的吉祥物是一只叫做阿福的蓝色企鹅\n它每天早上都会在办公室门口迎接大家\n",
                            StandardCharsets.UTF_8);
                }
                if (i == 100) {
                    Files.writeString(knowledge.resolve(EPISODE.getFileName()), "\n补充一句：节目录制于一个下雨的周五\n",
                            StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                }
                if (i == 150) {
                    Files.delete(knowledge.resolve("old-episode.txt"));
                }
            }
            long written = System.nanoTime();
            // THEN the new fact is answerable within 5 s of the last write, citing the new file (the
            // clock does not include waiting for the 200 answers below)
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> cites(ask("吉祥物阿福是什么颜色的企鹅？"), "mascot.txt")))
                    .as("new file cited within 5 s").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - written)).isLessThan(Duration.ofSeconds(5));
            // AND every question got an answer
            for (Future<BotReply> reply : replies) {
                BotReply r = reply.get(60, TimeUnit.SECONDS);
                assertThat(r.kind().isAnswer()).isTrue();
                assertThat(r.text()).isNotBlank();
            }
            askers.shutdown();
            // AND the deleted file is no longer cited
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> !cites(ask("海豚乐队的鼓手名叫什么？"), "old-episode.txt")))
                    .isTrue();
            // AND the edited file's new line is searchable
            assertThat(Eventually.within(Duration.ofSeconds(5),
                    () -> ask("节目是哪天录制的？").text().contains("下雨的周五"))).isTrue();
        }
    }

    @Test
    void unchangedFilesAreNotEmbeddedAgain() throws IOException {
        // GIVEN an indexed folder (the episode's chunks were embedded once)
        int afterFirst = model.embeddedTexts();
        assertThat(afterFirst).isPositive();

        // WHEN a refresh runs with nothing changed, and then with one new small file
        RefreshReport unchanged = core.refresh(dev.episodebot.core.index.IndexingListener.none());
        int afterUnchanged = model.embeddedTexts();
        Files.writeString(knowledge.resolve("note.md"), "title: 附注\n\n这是一条很短的附注\n", StandardCharsets.UTF_8);
        RefreshReport added = core.refresh(dev.episodebot.core.index.IndexingListener.none());

        // THEN nothing was embedded for the unchanged refresh, and only the new file's chunk for the second
        assertThat(unchanged.embedded()).isZero();
        assertThat(afterUnchanged).isEqualTo(afterFirst);
        assertThat(added.embedded()).isEqualTo(1);
        assertThat(added.added()).isEqualTo(1);
        assertThat(model.embeddedTexts()).isEqualTo(afterFirst + 1);
    }

    @Test
    void aRestartWithUnchangedKnowledgeEmbedsNothing() {
        // GIVEN a first core that filled the cache
        HashingEmbeddingModel fresh = new HashingEmbeddingModel(512);

        // WHEN a new core starts on the same folder and cache
        try (BotCore restarted = newCore(fresh)) {
            RefreshReport report = restarted.refresh(dev.episodebot.core.index.IndexingListener.none());

            // THEN every vector came from the cache
            assertThat(report.embedded()).isZero();
            assertThat(report.reused()).isEqualTo(report.chunks()).isPositive();
            assertThat(fresh.embeddedTexts()).isZero();
        }
    }

    @Test
    void aBrokenFileBesideGoodOnesIsSkippedAndStatusSaysWhy() throws IOException {
        // GIVEN a broken subtitle file added beside the episode
        Files.writeString(knowledge.resolve("broken.srt"), "1\n00:00:01,000 --> soon\nhello\n", StandardCharsets.UTF_8);

        // WHEN the knowledge is refreshed
        RefreshReport report = core.refresh(dev.episodebot.core.index.IndexingListener.none());

        // THEN the episode is still served and status names the broken file and the reason
        assertThat(report.applied()).isTrue();
        assertThat(ask("Reka 的技术团队有多少人？").text()).contains("15");
        String status = core.bot().handle(BotCommand.STATUS, new BotRequest("c", "console", Platform.CONSOLE, "")).text();
        assertThat(status).contains("broken.srt").contains("broken timecode");
    }

    @Test
    void whenEveryFileFailsThePreviousIndexStays() throws IOException {
        // GIVEN a working index, WHEN every file is replaced by unreadable bytes
        Files.delete(knowledge.resolve(EPISODE.getFileName()));
        Files.write(knowledge.resolve("garbage.txt"), new byte[] {(byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3});
        RefreshReport report = core.refresh(dev.episodebot.core.index.IndexingListener.none());

        // THEN the refresh keeps the previous index and says why
        assertThat(report.applied()).isFalse();
        assertThat(report.problem()).contains("could be read");
        assertThat(ask("Reka 的技术团队有多少人？").text()).contains("15");
        String status = core.bot().handle(BotCommand.STATUS, new BotRequest("c", "console", Platform.CONSOLE, "")).text();
        assertThat(status).contains("kept the previous index").contains("garbage.txt");
    }

    @Test
    void aFileThatBecomesUnreadableKeepsItsLastGoodVersion() throws IOException {
        // GIVEN a second indexed file
        Path extra = knowledge.resolve("extra.txt");
        Files.writeString(extra, "海豚乐队的鼓手名叫王小石\n", StandardCharsets.UTF_8);
        core.refresh(dev.episodebot.core.index.IndexingListener.none());

        // WHEN it is overwritten with invalid UTF-8
        Files.write(extra, new byte[] {(byte) 0xB5, (byte) 0xC4, 0x0A});
        RefreshReport report = core.refresh(dev.episodebot.core.index.IndexingListener.none());

        // THEN its previous content is still answered and the problem is reported
        assertThat(cites(ask("海豚乐队的鼓手名叫什么？"), "extra.txt")).isTrue();
        assertThat(report.skipped()).anySatisfy(s -> {
            assertThat(s.source()).isEqualTo("extra.txt");
            assertThat(s.reason()).contains("UTF-8").contains("previous version");
        });
    }

    @Test
    void reloadIsForAdminsOnly() throws IOException {
        // GIVEN a new file that no refresh has seen yet
        Files.writeString(knowledge.resolve("mascot.txt"), "我们公司的吉祥物是一只叫做阿福的蓝色企鹅\n", StandardCharsets.UTF_8);

        // WHEN a non-admin asks to reload
        BotReply refused = core.bot().handle(BotCommand.RELOAD, new BotRequest("chat", "7", Platform.TELEGRAM, ""));

        // THEN it is refused and nothing is refreshed
        assertThat(refused.kind()).isEqualTo(ReplyKind.REFUSAL);
        assertThat(cites(ask("吉祥物阿福是什么颜色的企鹅？"), "mascot.txt")).isFalse();

        // WHEN the admin (telegram:42) reloads
        BotReply done = core.bot().handle(BotCommand.RELOAD, new BotRequest("chat", "42", Platform.TELEGRAM, ""));

        // THEN the new file is indexed
        assertThat(done.kind()).isEqualTo(ReplyKind.INFO);
        assertThat(done.text()).contains("+1 added");
        assertThat(cites(ask("吉祥物阿福是什么颜色的企鹅？"), "mascot.txt")).isTrue();
    }

    @Test
    void aBulkCopyOfManyFilesIsOneRefresh() throws Exception {
        // GIVEN a watcher that counts refreshes
        java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();
        try (KnowledgeWatcher watcher = new KnowledgeWatcher(knowledge, Duration.ofMillis(300), Duration.ofSeconds(5),
                refreshes::incrementAndGet)) {
            // WHEN 100 files are copied in a burst (into a new subfolder too)
            Path sub = Files.createDirectories(knowledge.resolve("season-2"));
            for (int i = 0; i < 100; i++) {
                Files.writeString((i % 2 == 0 ? knowledge : sub).resolve("ep-" + i + ".txt"), "第 " + i + " 期\n",
                        StandardCharsets.UTF_8);
            }
            // THEN exactly one refresh runs once the burst settles
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> refreshes.get() >= 1)).isTrue();
            Thread.sleep(800);
            assertThat(refreshes.get()).isEqualTo(1);

            // AND a later edit inside the new subfolder is seen as well
            Files.writeString(sub.resolve("ep-1.txt"), "改过了\n", StandardCharsets.UTF_8);
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> refreshes.get() == 2)).isTrue();
        }
    }

}
