package dev.episodebot.core.state;

/** Per-user limits: at most so many questions and commands in any 60 seconds. */
public interface RateLimiter {

    /** The length of the sliding window. */
    long WINDOW_MILLIS = 60_000;

    /**
     * Whether a request may go ahead.
     *
     * @param allowed true when the request was counted; false when the user is over the limit (not counted)
     * @param retryAfterSeconds when refused, the seconds until the user may ask again (at least 1); 0 when allowed
     */
    record Verdict(boolean allowed, long retryAfterSeconds) {

        public static Verdict allow() {
            return new Verdict(true, 0);
        }

        public static Verdict refuse(long retryAfterSeconds) {
            return new Verdict(false, Math.max(1, retryAfterSeconds));
        }
    }

    /** Counts a request of {@code user}, unless the user is over the limit. */
    Verdict acquire(String user);
}
