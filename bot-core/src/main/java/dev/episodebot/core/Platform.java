package dev.episodebot.core;

import java.util.Locale;

/** Where a request comes from. The lower-case {@link #id()} is the prefix used in {@code BOT_ADMINS}. */
public enum Platform {
    CONSOLE,
    TELEGRAM,
    DISCORD;

    /** The lower-case name, e.g. {@code telegram}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code telegram}, {@code discord} or {@code console}, ignoring case. */
    public static Platform fromId(String id) {
        for (Platform platform : values()) {
            if (platform.id().equalsIgnoreCase(id.strip())) {
                return platform;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + id + "'");
    }
}
