package dev.episodebot.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Platform;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings 7 and 12 (the /status part) of the red-team pass: a refresh that would drop files
 * because they became unreadable ({@code chmod 000} on a file, a subfolder or the whole folder)
 * keeps their last good version and /status says so, naming files relative to the knowledge
 * folder, never by absolute path; once readable again they are served normally.
 *
 * <p>Permissions do not stop root, and CI runs as root: the scenario runs in a child JVM started
 * without the capabilities that bypass file permissions ({@code setpriv}) when the tests run as
 * root, directly otherwise.
 */
class UnreadableKnowledgeTest {

    private static final String EXTRA_FACT = "第二季的节目里说海豚乐队的鼓手名叫王小石";
    private static final String LOCKED_FACT = "锁住的文件里说吉祥物是一只叫阿福的企鹅";

    @TempDir
    Path temp;

    @Test
    void unreadableFilesAndFoldersKeepTheirLastGoodVersion() throws Exception {
        // GIVEN the episode, a subfolder with a second episode and a file that will be locked
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        EpisodeFiles.write(knowledge, "season2/extra.txt", EXTRA_FACT + "\n");
        EpisodeFiles.write(knowledge, "locked.txt", LOCKED_FACT + "\n");

        // WHEN the scenario runs: index; chmod 000 the file and the subfolder, /reload; chmod 000 the
        // folder, /reload; make everything readable again, refresh
        Map<String, String> out = runScenario(temp);

        // THEN after the subfolder and the file became unreadable, everything is still served
        assertThat(out.get("sources.start")).isEqualTo("3");
        assertThat(out.get("sources.locked")).isEqualTo("3");
        assertThat(out.get("extra.locked")).isEqualTo("cited");
        assertThat(out.get("locked.locked")).isEqualTo("cited");
        // AND /status says so, by relative names, with no absolute path
        String status = out.get("status.locked");
        assertThat(status).contains("season2/extra.txt: its folder cannot be read").contains("serving the previous version")
                .contains("locked.txt: cannot be read: AccessDeniedException").doesNotContain(temp.toString())
                .doesNotContainPattern("(?<![\\w.])/(tmp|srv|home|root)/");
        // AND with the whole folder unreadable, /reload keeps all of it
        assertThat(out.get("sources.folder")).isEqualTo("3");
        assertThat(out.get("episode.folder")).contains("15");
        assertThat(out.get("status.folder")).contains("serving the previous version").doesNotContain(temp.toString());
        // AND once readable again, the files are served as before, with nothing skipped
        assertThat(out.get("sources.open")).isEqualTo("3");
        assertThat(out.get("status.open")).doesNotContain("previous version").doesNotContain("Skipped");
    }

    /** Runs {@link Scenario} in a child JVM that file permissions apply to, and returns what it printed. */
    private static Map<String, String> runScenario(Path root) throws Exception {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            assumeThat(canDropCapabilities()).as("setpriv can drop the capabilities that bypass permissions").isTrue();
            command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Scenario.class.getName(), root.toString()));
        Path log = root.resolve("scenario.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("scenario finished").isTrue();
        } finally {
            child.destroyForcibly();
            reopen(root.resolve("knowledge"));
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(printed).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : printed.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("@") && eq > 0) {
                values.put(line.substring(1, eq), line.substring(eq + 1).replace("\\n", "\n"));
            }
        }
        return values;
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor();
        return uid.equals("0");
    }

    private static boolean canDropCapabilities() {
        try {
            Process p = new ProcessBuilder("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", "true")
                    .redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void reopen(Path knowledge) throws IOException {
        chmod(knowledge, "rwxr-xr-x");
        chmod(knowledge.resolve("season2"), "rwxr-xr-x");
        chmod(knowledge.resolve("locked.txt"), "rw-r--r--");
    }

    private static void chmod(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    /** The scenario, in the child JVM: prints {@code @key=value} lines. */
    public static final class Scenario {

        public static void main(String[] args) throws Exception {
            Path root = Path.of(args[0]);
            Path knowledge = TestCores.knowledgeDir(root);
            try (BotCore core = TestCores.hashing(root, Map.of())) {
                core.refresh(IndexingListener.none());
                print("sources.start", core.knowledge().index().sources().size());

                chmod(knowledge.resolve("locked.txt"), "---------");
                chmod(knowledge.resolve("season2"), "---------");
                ask(core, BotCommand.RELOAD, ""); // a watcher's refresh would not read locked.txt: same size and time
                print("sources.locked", core.knowledge().index().sources().size());
                print("extra.locked", cites(ask(core, BotCommand.ASK, "海豚乐队的鼓手名叫什么？"), "season2/extra.txt"));
                print("locked.locked", cites(ask(core, BotCommand.ASK, "吉祥物阿福是什么企鹅？"), "locked.txt"));
                print("status.locked", ask(core, BotCommand.STATUS, "").text());

                chmod(knowledge, "---------");
                ask(core, BotCommand.RELOAD, "");
                print("sources.folder", core.knowledge().index().sources().size());
                print("episode.folder", ask(core, BotCommand.ASK, "Reka 的技术团队有多少人？").text());
                print("status.folder", ask(core, BotCommand.STATUS, "").text());

                reopen(knowledge);
                core.refresh(IndexingListener.none());
                print("sources.open", core.knowledge().index().sources().size());
                print("status.open", ask(core, BotCommand.STATUS, "").text());
            }
        }

        private static BotReply ask(BotCore core, BotCommand command, String text) {
            return core.bot().handle(command, new BotRequest("console", "console", Platform.CONSOLE, text));
        }

        private static String cites(BotReply reply, String source) {
            return reply.citations().stream().map(Citation::source).anyMatch(source::equals) ? "cited" : "not cited";
        }

        private static void print(String key, Object value) {
            System.out.println("@" + key + "=" + String.valueOf(value).replace("\n", "\\n"));
        }
    }
}
