package dev.episodebot.core;

import java.util.List;
import java.util.Objects;

/**
 * One topical section of an episode's outline.
 *
 * @param title a short title, plain text
 * @param keyLines one or two representative transcript lines, verbatim
 * @param citation the index in {@link BotReply#citations()} of the section's line range (with its timecodes), or -1
 */
public record Section(String title, List<String> keyLines, int citation) {

    public Section {
        Objects.requireNonNull(title, "title");
        keyLines = List.copyOf(keyLines == null ? List.of() : keyLines);
        if (citation < -1) {
            throw new IllegalArgumentException("citation is an index or -1");
        }
    }
}
