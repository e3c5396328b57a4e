package dev.episodebot.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.testing.SharedStateContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-memory state (one instance on its own): the contract, and the lapse of an unfinished claim. */
class InMemorySharedStateTest extends SharedStateContract {

    @Override
    protected SharedState newState(int rateLimitPerMinute) {
        return SharedState.inMemory(rateLimitPerMinute, clock);
    }

    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void aClaimLeftUnfinishedLapsesAfterItsHoldAndACompletedOneAfterADay() {
        // GIVEN a claim that was never completed (its instance died mid-answer) and a completed one
        DeliveryLedger ledger = state(10).deliveries();
        ledger.claim("lost");
        ledger.claim("done");
        ledger.complete("done");

        // WHEN the hold has passed, THEN the lost one is taken again, the completed one is not
        clock.advance(DeliveryLedger.CLAIM_HOLD.plusSeconds(1));
        assertThat(ledger.claim("lost")).isTrue();
        assertThat(ledger.claim("done")).isFalse();

        // WHEN a day has passed, THEN the completed one is forgotten
        clock.advance(DeliveryLedger.DONE_KEEP);
        assertThat(ledger.claim("done")).isTrue();
    }
}
