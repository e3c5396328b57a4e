package dev.episodebot.telegram.send;

import java.time.Duration;

/** Waits; a seam so the retry logic can be tested without waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
