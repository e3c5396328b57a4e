package dev.episodebot.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bundled episode ({@code knowledge/episode-yi-tay-returns-to-google.txt} at the repository
 * root), found from any module's working directory, and copied into test folders so that no test
 * writes next to the real knowledge.
 */
public final class EpisodeFiles {

    /** The bundled episode's file name (and its {@code source} once indexed from a folder root). */
    public static final String EPISODE = "episode-yi-tay-returns-to-google.txt";

    private EpisodeFiles() {}

    /** The bundled episode, searched upwards from the working directory. */
    public static Path episode() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("knowledge").resolve(EPISODE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("knowledge/" + EPISODE + " not found above " + Path.of("").toAbsolutePath());
    }

    /** Copies the episode into {@code knowledgeDir} (created when missing); returns the copy. */
    public static Path copyEpisodeTo(Path knowledgeDir) {
        try {
            Files.createDirectories(knowledgeDir);
            return Files.copy(episode(), knowledgeDir.resolve(EPISODE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The episode's lines as in the file (1-based line {@code n} is {@code get(n - 1)}). */
    public static List<String> episodeLines() {
        try {
            return Files.readAllLines(episode(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes UTF-8 text to {@code dir/relative}, creating parent folders. */
    public static Path write(Path dir, String relative, String text) {
        return write(dir, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes to {@code dir/relative}, creating parent folders. */
    public static Path write(Path dir, String relative, byte[] bytes) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
