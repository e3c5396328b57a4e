package dev.episodebot.core.state;

import dev.episodebot.core.support.BoundedLruMap;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** At most {@code capacity} entries in this process, each until its time to live ends (least recently used forgotten first). */
public final class InMemoryKeyValueCache implements KeyValueCache {

    private record Entry(String value, long expiresAtMillis) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries;

    public InMemoryKeyValueCache(int capacity, Clock clock) {
        this.clock = clock;
        this.entries = new BoundedLruMap<>(capacity);
    }

    @Override
    public synchronized Optional<String> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtMillis() <= clock.millis()) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    @Override
    public synchronized void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, clock.millis() + Math.max(1, ttl.toMillis())));
    }

    @Override
    public synchronized void remove(String key) {
        entries.remove(key);
    }
}
