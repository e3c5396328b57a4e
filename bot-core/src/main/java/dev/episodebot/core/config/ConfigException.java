package dev.episodebot.core.config;

/** A configuration value is missing or invalid. The message is one sentence naming the variable. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
