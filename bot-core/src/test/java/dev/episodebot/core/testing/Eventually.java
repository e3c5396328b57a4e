package dev.episodebot.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition without a fixed sleep: checks every 50 ms until it holds or the time is up. */
public final class Eventually {

    private Eventually() {}

    /** Whether {@code condition} held within {@code timeout}. */
    public static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
