package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.SkippedFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one knowledge refresh did.
 *
 * @param finishedAt when it finished
 * @param duration how long it took
 * @param added files new since the previous refresh
 * @param changed files whose content changed
 * @param removed files gone since the previous refresh
 * @param embedded chunks whose text was new and went through the model
 * @param reused chunks whose vectors came from the cache
 * @param files files indexed
 * @param chunks chunks indexed
 * @param skipped files not indexed, with reasons
 * @param problem why the previous index was kept, or null when the new one was swapped in
 */
public record RefreshReport(
        Instant finishedAt,
        Duration duration,
        int added,
        int changed,
        int removed,
        int embedded,
        int reused,
        int files,
        int chunks,
        List<SkippedFile> skipped,
        String problem) {

    public RefreshReport {
        skipped = List.copyOf(skipped);
    }

    /** A refresh that failed with {@code error} while {@code kept} stays served. */
    static RefreshReport failed(Instant started, IndexState kept, Exception error) {
        return new RefreshReport(Instant.now(), Duration.between(started, Instant.now()), 0, 0, 0, 0, 0,
                kept.sources().size(), kept.chunks().size(), kept.skipped(), "refresh failed: " + error.getMessage());
    }

    /** Whether the refresh replaced the index. */
    public boolean applied() {
        return problem == null;
    }

    /** The one log line for this refresh. */
    public String logLine() {
        String base = String.format(java.util.Locale.ROOT,
                "files +%d added, ~%d changed, -%d removed; chunks %d embedded, %d reused; %d files / %d chunks indexed, %d skipped; %.2f s",
                added, changed, removed, embedded, reused, files, chunks, skipped.size(), duration.toMillis() / 1000.0);
        return problem == null ? "Knowledge refreshed: " + base : "Knowledge refresh kept the previous index (" + problem + "): " + base;
    }
}
