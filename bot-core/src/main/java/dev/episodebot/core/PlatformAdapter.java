package dev.episodebot.core;

/**
 * A chat platform connection (Discord, Telegram) started by the composition root. Closing it
 * stops intake of new messages, lets answers in flight finish (bounded), then disconnects.
 */
public interface PlatformAdapter extends AutoCloseable {

    /** A short name for logs and health, e.g. {@code telegram}. */
    String name();

    /** Connects and starts receiving messages; returns once started. */
    void start() throws Exception;

    /** Whether the adapter is currently connected to its platform. */
    boolean isConnected();

    /** Each connection to the platform and its state (one, named after the adapter, unless it has several). */
    default java.util.List<Connection> connections() {
        return java.util.List.of(new Connection(name(), isConnected()));
    }

    /** Stops intake, waits for in-flight answers (bounded), disconnects. Never throws. */
    @Override
    void close();
}
