package dev.episodebot.core.bot;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A per-user sliding window: at most {@code perMinute} questions in any 60 seconds. */
final class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
    private long lastSweep;

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a question for {@code user}; false when the user is over the limit (and it is not counted). */
    boolean tryAcquire(String user) {
        long now = clock.millis();
        sweep(now);
        Deque<Long> window = windows.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_MILLIS) {
                window.pollFirst();
            }
            if (window.size() >= perMinute) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    /** Seconds until {@code user} may ask again (at least 1). */
    long retryAfterSeconds(String user) {
        Deque<Long> window = windows.get(user);
        if (window == null) {
            return 1;
        }
        synchronized (window) {
            Long oldest = window.peekFirst();
            return oldest == null ? 1 : Math.max(1, (WINDOW_MILLIS - (clock.millis() - oldest) + 999) / 1000);
        }
    }

    /** Forgets users with no question in the window, so the map stays small. */
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
