package dev.episodebot.telegram.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateLedgerTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path dir;

    OffsetStore store(Instant now) {
        return new OffsetStore(dir.resolve("last-update-1.properties"), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void admitsEachUpdateOnce() {
        // GIVEN a fresh ledger
        UpdateLedger ledger = new UpdateLedger(store(NOW));

        // WHEN / THEN
        assertThat(ledger.admit(5)).isTrue();
        assertThat(ledger.admit(5)).isFalse();
        assertThat(ledger.admit(4)).isFalse();
        assertThat(ledger.admit(6)).isTrue();
        assertThat(ledger.highestAdmitted()).isEqualTo(6);
    }

    @Test
    void persistsOnlyWhatIsHandledWithoutGaps() {
        // GIVEN three updates taken
        UpdateLedger ledger = new UpdateLedger(store(NOW));
        ledger.admit(1);
        ledger.admit(2);
        ledger.admit(3);

        // WHEN the later ones finish first
        ledger.complete(3);
        ledger.complete(2);

        // THEN nothing is persisted past the unfinished first one (only that 2 and 3 are done)
        assertThat(ledger.watermark()).isZero();
        assertThat(store(NOW).load().orElse(0)).isZero();
        assertThat(store(NOW).loadHandledAfter()).containsExactly(2L, 3L);

        // WHEN it finishes THEN all three are
        ledger.complete(1);
        assertThat(ledger.watermark()).isEqualTo(3);
        assertThat(store(NOW).load()).hasValue(3);
    }

    @Test
    void aRestartedLedgerDropsWhatWasHandled() {
        // GIVEN update 7 handled before a restart
        UpdateLedger before = new UpdateLedger(store(NOW));
        before.admit(7);
        before.complete(7);

        // WHEN a new ledger starts from the same file
        UpdateLedger after = new UpdateLedger(store(NOW.plusSeconds(60)));

        // THEN 7 is a redelivery and 8 is new, and polling continues after 7
        assertThat(after.admit(7)).isFalse();
        assertThat(after.admit(8)).isTrue();
        LedgerGetUpdatesGenerator generator = new LedgerGetUpdatesGenerator(new UpdateLedger(store(NOW)),
                Duration.ofSeconds(50));
        assertThat(generator.apply(0).getOffset()).isEqualTo(8);
        assertThat(generator.apply(0).getTimeout()).isEqualTo(50);
    }

    @Test
    void onlyHandledUpdatesAreConfirmedToTelegram() {
        // GIVEN updates 8, 9 and 10 taken, of which 9 and 10 are answered and 8 is still being answered
        UpdateLedger ledger = new UpdateLedger(store(NOW));
        LedgerGetUpdatesGenerator generator = new LedgerGetUpdatesGenerator(ledger, Duration.ofSeconds(50));
        ledger.admit(8);
        ledger.admit(9);
        ledger.admit(10);
        ledger.complete(9);
        ledger.complete(10);

        // WHEN the next poll is built (the library has received up to 10)
        // THEN its offset confirms nothing from 8 on: if the bot stops now, Telegram delivers 8 (and 9, 10) again
        assertThat(generator.apply(10).getOffset()).isEqualTo(8);
        assertThat(store(NOW).load()).hasValue(7);

        // AND after a restart now, 9 and 10 delivered again are not answered twice, 8 is
        UpdateLedger restarted = new UpdateLedger(store(NOW));
        assertThat(restarted.admit(8)).isTrue();
        assertThat(restarted.admit(9)).isFalse();
        assertThat(restarted.admit(10)).isFalse();
        assertThat(restarted.admit(11)).isTrue();

        // WHEN 8 is answered THEN everything up to 10 is confirmed and saved
        ledger.complete(8);
        assertThat(generator.apply(10).getOffset()).isEqualTo(11);
        assertThat(store(NOW).load()).hasValue(10);
        assertThat(store(NOW).loadHandledAfter()).isEmpty();
    }

    @Test
    void aStaleOrBrokenFileIsIgnored() throws Exception {
        // GIVEN an id stored more than a day ago
        store(NOW.minus(Duration.ofHours(25))).save(9);

        // WHEN / THEN it is not used
        assertThat(store(NOW).load()).isEmpty();

        // GIVEN a file with garbage WHEN / THEN it is not used either
        Files.writeString(dir.resolve("last-update-1.properties"), "update_id=nine\n");
        assertThat(store(NOW).load()).isEmpty();
    }

    @Test
    void theFileIsPerBot() {
        // GIVEN / WHEN / THEN
        assertThat(OffsetStore.forBot(dir, 123).file()).isEqualTo(dir.resolve("last-update-123.properties"));
    }
}
