package dev.episodebot.telegram.polling;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the last handled {@code update_id} in a small file, so an update Telegram delivers again
 * after a restart is not answered twice. A value older than {@link #MAX_AGE} is ignored: Telegram
 * keeps undelivered updates for 24 hours only, and may restart update ids after a quiet week.
 * Failing to read or write the file is logged, never fatal.
 */
public final class OffsetStore {

    /** How long a stored id stays meaningful. */
    public static final Duration MAX_AGE = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(OffsetStore.class);

    private final Path file;
    private final Clock clock;
    private final AtomicBoolean writeFailureLogged = new AtomicBoolean(false);

    public OffsetStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The store for one bot (update ids are per bot) under {@code stateDir}. */
    public static OffsetStore forBot(Path stateDir, long botId) {
        return new OffsetStore(stateDir.resolve("last-update-" + botId + ".properties"), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    /** The last handled update id, or empty when none is stored, the file is unreadable, or it is stale. */
    public OptionalLong load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read {} ({}); starting without a stored Telegram update id.", file, e.toString());
            return OptionalLong.empty();
        }
        return parse(properties);
    }

    /**
     * The ids handled after the stored one while an earlier update was still being answered (so
     * they are not answered again when Telegram delivers them again); empty when none or stale.
     */
    public Set<Long> loadHandledAfter() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
        if (parse(properties).isEmpty()) {
            return Set.of();
        }
        Set<Long> ids = new TreeSet<>();
        for (String id : properties.getProperty("handled_after", "").split(",")) {
            try {
                if (!id.isBlank()) {
                    ids.add(Long.parseLong(id.strip()));
                }
            } catch (NumberFormatException e) {
                log.warn("Ignoring a broken handled_after entry in {}.", file);
            }
        }
        return ids;
    }

    private OptionalLong parse(Properties properties) {
        try {
            long updateId = Long.parseLong(properties.getProperty("update_id", "").strip());
            Instant savedAt = Instant.parse(properties.getProperty("saved_at", "").strip());
            if (savedAt.plus(MAX_AGE).isBefore(clock.instant())) {
                log.info("Ignoring the stored Telegram update id {} from {}: older than {} hours.", updateId, savedAt,
                        MAX_AGE.toHours());
                return OptionalLong.empty();
            }
            return OptionalLong.of(updateId);
        } catch (NumberFormatException | DateTimeParseException e) {
            log.warn("Ignoring {}: it does not hold an update_id and saved_at.", file);
            return OptionalLong.empty();
        }
    }

    /** Stores {@code updateId} (atomically replacing the file). */
    public void save(long updateId) {
        save(updateId, Set.of());
    }

    /**
     * Stores {@code updateId}, below which everything is handled, and the ids above it that are
     * handled too (atomically replacing the file).
     */
    public void save(long updateId, Set<Long> handledAfter) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write("# last Telegram update handled by episode-bot; delete to forget\n");
                writer.write("update_id=" + updateId + "\n");
                if (!handledAfter.isEmpty()) {
                    writer.write("handled_after=" + handledAfter.stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(",")) + "\n");
                }
                writer.write("saved_at=" + clock.instant() + "\n");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            writeFailureLogged.set(false);
        } catch (IOException e) {
            if (writeFailureLogged.compareAndSet(false, true)) {
                log.warn("Cannot write {} ({}); after a restart Telegram may deliver recent updates again.", file,
                        e.toString());
            }
        }
    }
}
