package dev.episodebot.core.state;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache of derived strings by key, each kept for a time (an outline or a summary derived from an
 * episode's content hash, say). A miss is always allowed: a caller recomputes what it does not find.
 */
public interface KeyValueCache {

    /** The value cached under {@code key}, if it is there and not expired. */
    Optional<String> get(String key);

    /** Caches {@code value} under {@code key} for {@code ttl}. */
    void put(String key, String value, Duration ttl);

    /** Forgets {@code key}. */
    void remove(String key);
}
