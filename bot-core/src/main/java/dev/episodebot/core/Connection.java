package dev.episodebot.core;

import java.util.Objects;

/**
 * One connection of an adapter to its platform, for {@code /status} and {@code /health}: the
 * Telegram adapter has one, the Discord adapter one per shard.
 *
 * @param name e.g. {@code telegram} or {@code discord shard 1/4}
 * @param connected whether it is up now
 */
public record Connection(String name, boolean connected) {

    public Connection {
        Objects.requireNonNull(name, "name");
    }
}
