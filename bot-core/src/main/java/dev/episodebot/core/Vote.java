package dev.episodebot.core;

/** A user's verdict on an answer. */
public enum Vote {
    UP,
    DOWN
}
