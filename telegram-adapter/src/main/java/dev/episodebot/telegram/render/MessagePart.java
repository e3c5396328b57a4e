package dev.episodebot.telegram.render;

import java.util.Objects;

/**
 * One Telegram message of a reply.
 *
 * @param html the text for {@code parse_mode=HTML}: balanced tags, everything else escaped
 * @param plain the same text without markup, sent when Telegram rejects {@code html}
 */
public record MessagePart(String html, String plain) {

    public MessagePart {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(plain, "plain");
    }
}
