package dev.episodebot.core.state;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A per-user sliding window in this process: at most {@code perMinute} requests in any 60 seconds. */
public final class InMemoryRateLimiter implements RateLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public InMemoryRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public Verdict acquire(String user) {
        long now = clock.millis();
        sweep(now);
        Deque<Long> window = windows.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_MILLIS) {
                window.pollFirst();
            }
            if (window.size() >= perMinute) {
                return Verdict.refuse((WINDOW_MILLIS - (now - window.peekFirst()) + 999) / 1000);
            }
            window.addLast(now);
            return Verdict.allow();
        }
    }

    /** Forgets users with no request in the window, so the map stays small. */
    private void sweep(long now) {
        if (now - lastSweep < WINDOW_MILLIS) {
            return;
        }
        lastSweep = now;
        for (Iterator<Map.Entry<String, Deque<Long>>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> window = it.next().getValue();
            synchronized (window) {
                if (window.isEmpty() || now - window.peekLast() >= WINDOW_MILLIS) {
                    it.remove();
                }
            }
        }
    }
}
