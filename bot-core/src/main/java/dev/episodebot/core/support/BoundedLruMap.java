package dev.episodebot.core.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map in access order that forgets its least recently used entry once it holds more than
 * {@code capacity} entries. Not thread-safe: callers synchronise.
 */
public final class BoundedLruMap<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int capacity;

    public BoundedLruMap(int capacity) {
        super(Math.min(capacity, 1024), 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
