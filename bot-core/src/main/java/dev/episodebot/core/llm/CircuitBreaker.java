package dev.episodebot.core.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Skips a failing dependency for a while: after {@code threshold} consecutive failures the circuit
 * opens for {@code openFor}; then one trial call is let through (half-open), and its outcome
 * closes or re-opens the circuit.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go through now. */
    public synchronized boolean allow() {
        if (consecutiveFailures < threshold) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    /** The call {@link #allow()} let through did not happen after all (neither a success nor a failure). */
    public synchronized void release() {
        trialInFlight = false;
    }

    public synchronized void success() {
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void failure() {
        consecutiveFailures++;
        trialInFlight = false;
        if (consecutiveFailures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    /** Whether the circuit is open (calls are being skipped). */
    public synchronized boolean isOpen() {
        return consecutiveFailures >= threshold && clock.instant().isBefore(openUntil);
    }
}
