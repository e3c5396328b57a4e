package dev.episodebot.core.index;

/** Progress of an index build, for a progress bar. */
@FunctionalInterface
public interface IndexingListener {

    /** Called as chunks are embedded: {@code done} of {@code total} new chunks. */
    void embedded(int done, int total);

    /** A listener that ignores progress. */
    static IndexingListener none() {
        return (done, total) -> {};
    }
}
