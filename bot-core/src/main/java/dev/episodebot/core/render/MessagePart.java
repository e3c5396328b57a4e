package dev.episodebot.core.render;

import java.util.Objects;

/**
 * One message of a rendered reply.
 *
 * @param markup the message in the surface's markup (Telegram HTML, Discord Markdown, plain text)
 * @param plain what it reads as without the markup (sent instead when a platform rejects the markup)
 */
public record MessagePart(String markup, String plain) {

    public MessagePart {
        Objects.requireNonNull(markup, "markup");
        Objects.requireNonNull(plain, "plain");
    }
}
