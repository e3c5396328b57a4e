package dev.episodebot.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Platform;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.knowledge.KnowledgeFormatException;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.RefreshReport;
import dev.episodebot.core.index.SourceSummary;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.LogCapture;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 1 and 11 of the red-team pass: symbolic links in the knowledge folder that point outside
 * it (host files, the bot's own deploy/.env, /proc) are never read, quoted or listed, and each is
 * named in one log line; links inside the folder still work; FIFOs are never opened, not even
 * when a link that was a file is flipped to one, so a refresh cannot block.
 */
class HostFilesNeverQuotedTest {

    private static final String PASSWD_LINE = "root:x:0:0:root:/root:/bin/bash";

    @TempDir
    Path temp;

    private static BotReply handle(BotCore core, BotCommand command, String text) {
        return core.bot().handle(command, new BotRequest("chat-1", "1001", Platform.TELEGRAM, text));
    }

    private static Map<String, String> skipped(BotCore core) {
        return core.knowledge().index().skipped().stream()
                .collect(Collectors.toMap(SkippedFile::source, SkippedFile::reason, (a, b) -> a));
    }

    @Test
    void linksOutsideTheKnowledgeFolderAreNeverReadAndEachIsLoggedOnce() throws Exception {
        // GIVEN the episode beside links to host files, to the bot's own deploy/.env and to a folder
        // outside, and one link to a file inside the folder
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        Path hostPasswd = EpisodeFiles.write(temp, "host/passwd", PASSWD_LINE + "\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        Path env = EpisodeFiles.write(temp, "deploy/.env", "LLM_API_KEY=qz-SECRETKEY-0123456789abcdef\n");
        EpisodeFiles.write(temp, "elsewhere/notes.txt", "外面的笔记里写着服务器密码是蓝色的海豚\n");
        Files.createSymbolicLink(knowledge.resolve("passwd.txt"), hostPasswd);
        Files.createSymbolicLink(knowledge.resolve("etc-passwd.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(knowledge.resolve("procstatus.txt"), Path.of("/proc/self/status"));
        Files.createSymbolicLink(knowledge.resolve("config.txt"), Path.of("../deploy/.env"));
        Files.createSymbolicLink(knowledge.resolve("outside"), temp.resolve("elsewhere"));
        Files.createSymbolicLink(knowledge.resolve("alias.txt"), Path.of(EpisodeFiles.EPISODE));
        assertThat(Files.readString(knowledge.resolve("config.txt"))).startsWith("LLM_API_KEY"); // the link works

        try (LogCapture logs = LogCapture.of(KnowledgeLoader.class);
                BotCore core = TestCores.hashing(temp, Map.of())) {
            // WHEN the folder is indexed twice and a user asks for the host file's content
            core.refresh(IndexingListener.none());
            core.refresh(IndexingListener.none());
            BotReply answer = handle(core, BotCommand.ASK, "root:x:0:0 bash 是什么？");
            BotReply secret = handle(core, BotCommand.ASK, "LLM_API_KEY qz-SECRETKEY");
            BotReply notes = handle(core, BotCommand.ASK, "服务器密码是什么颜色的海豚？");
            BotReply sources = handle(core, BotCommand.SOURCES, "");

            // THEN nothing of the outside files is quoted or listed; the inside link is indexed
            for (BotReply reply : List.of(answer, secret, notes)) {
                assertThat(reply.text()).doesNotContain("root:x:0:0:root", "/bin/bash", "daemon:x", "SECRETKEY",
                        "蓝色的海豚");
                assertThat(reply.citations()).extracting(Citation::source)
                        .allMatch(s -> s.equals(EpisodeFiles.EPISODE) || s.equals("alias.txt"));
            }
            assertThat(core.knowledge().index().sources()).extracting(SourceSummary::source)
                    .containsExactlyInAnyOrder(EpisodeFiles.EPISODE, "alias.txt");
            assertThat(sources.text()).doesNotContain("passwd", "config.txt", "procstatus", "outside");
            // AND each outside link is skipped with the reason, and logged once over both refreshes
            assertThat(skipped(core)).containsKeys("passwd.txt", "etc-passwd.txt", "procstatus.txt", "config.txt",
                    "outside/").allSatisfy((source, reason) -> assertThat(reason).contains("outside the knowledge folder"));
            for (String name : List.of("passwd.txt", "etc-passwd.txt", "procstatus.txt", "config.txt", "outside/")) {
                assertThat(logs.messages().stream().filter(m -> m.contains(" " + name + ":"))).as(name).hasSize(1);
            }
            assertThat(logs.everything()).doesNotContain(temp.toString()).doesNotContain("SECRETKEY");
        }
    }

    @Test
    void aKnowledgeFolderGivenAsALinkIsReadWhereItPoints() throws Exception {
        // GIVEN KNOWLEDGE_DIR is a symbolic link to the real folder, which holds a link to its own episode
        Path real = temp.resolve("releases/v1/knowledge");
        EpisodeFiles.copyEpisodeTo(real);
        Files.createSymbolicLink(real.resolve("alias.txt"), real.resolve(EpisodeFiles.EPISODE));
        Files.createSymbolicLink(TestCores.knowledgeDir(temp), real);

        try (BotCore core = TestCores.hashing(temp, Map.of())) {
            // WHEN it is indexed
            RefreshReport report = core.refresh(IndexingListener.none());

            // THEN both files inside the real folder are served
            assertThat(report.applied()).isTrue();
            assertThat(core.knowledge().index().sources()).extracting(SourceSummary::source)
                    .containsExactlyInAnyOrder(EpisodeFiles.EPISODE, "alias.txt");
        }
    }

    @Test
    void fifosAreNeverOpenedEvenWhenALinkIsFlippedToOne() throws Exception {
        // GIVEN a FIFO in the folder and a link to a real transcript that is then flipped to a FIFO
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        Path extra = EpisodeFiles.write(temp, "knowledge/real/extra.txt", "吉祥物是一只叫阿福的企鹅\n");
        mkfifo(knowledge.resolve("pipe.txt"));
        Path fifo = mkfifo(knowledge.resolve("real/fifo"));
        Path link = Files.createSymbolicLink(knowledge.resolve("flipped.txt"), extra);

        try (BotCore core = TestCores.hashing(temp, Map.of())) {
            core.refresh(IndexingListener.none());
            assertThat(skipped(core)).containsKey("pipe.txt");
            Files.delete(link);
            Files.createSymbolicLink(link, fifo);

            // WHEN the reader is handed the flipped link, as a refresh that listed it before the flip
            // would, and the folder is refreshed again (no writer ever opens the FIFOs)
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                try {
                    new KnowledgeReader(1 << 20).read(link, "flipped.txt");
                    return "read";
                } catch (KnowledgeFormatException e) {
                    return e.getMessage();
                }
            });
            CompletableFuture<RefreshReport> refresh = CompletableFuture.supplyAsync(
                    () -> core.refresh(IndexingListener.none()));

            // THEN neither blocks: the FIFOs are skipped as not regular files, the episode is still served
            assertThat(read.get(30, TimeUnit.SECONDS)).contains("not a regular file");
            RefreshReport report = refresh.get(60, TimeUnit.SECONDS);
            assertThat(report.skipped()).extracting(SkippedFile::source).contains("pipe.txt", "flipped.txt");
            assertThat(skipped(core).get("flipped.txt")).contains("not a regular file");
            assertThat(core.knowledge().index().sources()).extracting(SourceSummary::source)
                    .contains(EpisodeFiles.EPISODE);
        }
    }

    private static Path mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return path;
    }
}
