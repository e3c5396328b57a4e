package dev.episodebot.core.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.SourceSummary;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.Eventually;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import dev.episodebot.core.testing.LogCapture;
import dev.episodebot.core.testing.TestCores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 6 of the red-team pass: the watcher notices a knowledge folder replaced under its name,
 * follows a {@code KNOWLEDGE_DIR} given as a symbolic link without rescanning in a loop, and an
 * edit that keeps the size and the modification time ({@code touch -r}) is read on {@code /reload}
 * and a few seconds after the next start.
 */
class KnowledgeFolderFollowedTest {

    @TempDir
    Path temp;


    private static boolean serves(BotCore core, String source) {
        return core.knowledge().index().sources().stream().map(SourceSummary::source).anyMatch(source::equals);
    }

    @Test
    void aFolderReplacedUnderItsNameIsServedWithinSeconds() throws Exception {
        // GIVEN a watched knowledge folder, and a new version of it prepared beside it
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        EpisodeFiles.write(temp, "v2/new-episode.txt", "第二版的节目里说吉祥物是一只叫阿福的企鹅\n");
        try (BotCore core = TestCores.hashing(temp, Map.of());
                LogCapture logs = LogCapture.of(KnowledgeWatcher.class).atLevel(ch.qos.logback.classic.Level.INFO)) {
            core.refresh(IndexingListener.none());
            try (KnowledgeWatcher watcher = core.watchKnowledge(Duration.ofMillis(200), Duration.ofSeconds(1))) {
                // WHEN the operator swaps the folders: mv knowledge knowledge.old; mv v2 knowledge
                Files.move(knowledge, temp.resolve("knowledge.old"));
                Files.move(temp.resolve("v2"), knowledge);

                // THEN the new folder is served, and the swap was logged
                assertThat(Eventually.within(Duration.ofSeconds(15), () -> serves(core, "new-episode.txt")
                        && !serves(core, EpisodeFiles.EPISODE))).isTrue();
                assertThat(logs.messages()).anyMatch(m -> m.contains("replaced") || m.contains("appeared"));

                // AND a later edit in the new folder is seen too
                EpisodeFiles.write(knowledge, "later.txt", "后来加的一句\n");
                assertThat(Eventually.within(Duration.ofSeconds(15), () -> serves(core, "later.txt"))).isTrue();
            }
        }
    }

    @Test
    void aFolderGivenAsALinkIsWatchedWithoutRescanningInALoop() throws Exception {
        // GIVEN KNOWLEDGE_DIR is a symbolic link to the real folder, watched with a refresh counter
        Path real = Files.createDirectories(temp.resolve("releases/v1"));
        EpisodeFiles.copyEpisodeTo(real);
        Path link = Files.createSymbolicLink(temp.resolve("knowledge-link"), real);
        AtomicInteger refreshes = new AtomicInteger();
        try (KnowledgeWatcher watcher = new KnowledgeWatcher(link, Duration.ofMillis(200), Duration.ofSeconds(1),
                refreshes::incrementAndGet)) {
            // WHEN nothing changes for a few seconds
            Thread.sleep(3_500);

            // THEN no refresh ran
            assertThat(refreshes.get()).isZero();

            // WHEN a file is added in the real folder
            Files.writeString(real.resolve("new.txt"), "新的一句\n", StandardCharsets.UTF_8);

            // THEN one refresh runs, and then it is quiet again
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> refreshes.get() == 1)).isTrue();
            Thread.sleep(2_500);
            assertThat(refreshes.get()).isEqualTo(1);

            // WHEN the link is pointed at another release
            Path v2 = Files.createDirectories(temp.resolve("releases/v2"));
            Files.delete(link);
            Files.createSymbolicLink(link, v2);

            // THEN that is one more refresh
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> refreshes.get() == 2)).isTrue();
        }
    }

    @Test
    void anEditKeepingSizeAndTimeIsReadOnReloadAndAtTheNextStart() throws Exception {
        // GIVEN an indexed file
        Path knowledge = TestCores.knowledgeDir(temp);
        Path file = EpisodeFiles.write(knowledge, "facts.txt", "吉祥物是一只叫阿福的蓝色企鹅\n");
        Map<String, String> env = Map.of("EMBEDDING_MODEL", "bge-small-zh", "BOT_ADMINS", "telegram:42");
        try (BotCore core = TestCores.create(TestCores.config(temp, env), spec -> new HashingEmbeddingModel(512),
                Clock.systemUTC())) {
            core.refresh(IndexingListener.none());
            assertThat(ask(core, "吉祥物阿福是什么颜色的企鹅？").text()).contains("蓝色");

            // WHEN it is edited with the same size and its time put back (touch -r)
            FileTime time = Files.getLastModifiedTime(file);
            Files.writeString(file, "吉祥物是一只叫阿福的红色企鹅\n", StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, time);
            core.refresh(IndexingListener.none()); // a watcher's refresh compares size and time only

            // THEN /reload reads it
            BotReply reload = core.bot().handle(BotCommand.RELOAD, new BotRequest("chat", "42", Platform.TELEGRAM, ""));
            assertThat(reload.text()).contains("1 changed");
            assertThat(ask(core, "吉祥物阿福是什么颜色的企鹅？").text()).contains("红色").doesNotContain("蓝色");

            // WHEN it is edited that way again while the bot is down
            Files.writeString(file, "吉祥物是一只叫阿福的绿色企鹅\n", StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, time);
        }
        // THEN the next start reads it within seconds (the cache and its snapshot are in place)
        try (BotCore restarted = TestCores.create(TestCores.config(temp, env), spec -> new HashingEmbeddingModel(512),
                Clock.systemUTC())) {
            restarted.refresh(IndexingListener.none());
            try (KnowledgeWatcher watcher = restarted.watchKnowledge(Duration.ofMillis(200), Duration.ofSeconds(1))) {
                assertThat(Eventually.within(Duration.ofSeconds(20),
                        () -> ask(restarted, "吉祥物阿福是什么颜色的企鹅？").text().contains("绿色"))).isTrue();
                assertThat(ask(restarted, "吉祥物阿福是什么颜色的企鹅？").text()).doesNotContain("红色");
            }
        }
    }

    private static BotReply ask(BotCore core, String question) {
        return core.bot().handle(BotCommand.ASK, new BotRequest("console", "console", Platform.CONSOLE, question));
    }
}
