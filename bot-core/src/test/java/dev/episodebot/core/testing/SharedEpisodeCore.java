package dev.episodebot.core.testing;

import dev.episodebot.core.bot.BotCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One core over a copy of the bundled episode (no LLM), indexed on first use and shared by every
 * test class of the JVM that only reads from it: answers, retrieval, evaluation. Do not refresh
 * it or change its folders; tests that talk to its bot use their own conversation ids and the
 * console platform (which is not rate limited).
 */
public final class SharedEpisodeCore {

    private static volatile BotCore core;
    private static volatile Path root;

    private SharedEpisodeCore() {}

    /** The shared core, started on first use. */
    public static BotCore core() {
        BotCore c = core;
        if (c == null) {
            synchronized (SharedEpisodeCore.class) {
                c = core;
                if (c == null) {
                    c = startCore();
                    core = c;
                }
            }
        }
        return c;
    }

    /** Its folders' root ({@code knowledge}, {@code cache}, {@code data}). */
    public static Path root() {
        core();
        return root;
    }

    private static BotCore startCore() {
        try {
            Path dir = Files.createTempDirectory("episode-core");
            EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(dir));
            BotCore started = TestCores.start(TestCores.config(dir, Map.of()));
            root = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteQuietly(dir);
            }, "shared-core-cleanup"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit
        }
    }
}
