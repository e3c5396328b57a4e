package dev.episodebot.core.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an evaluation question tests; its {@link #id()} is the {@code kind} field of a question file. */
public enum QuestionKind {
    /** A fact stated in the episode, asked with some of its words. */
    FACT,
    /** A fact asked in other words than the episode's. */
    PARAPHRASE,
    /** A fact asked in another language than the episode's. */
    CROSSLINGUAL,
    /** Only makes sense after the questions of its {@code context}, asked first in the same conversation. */
    FOLLOWUP,
    /** The answer has several items spread over the transcript. */
    LIST,
    /** What the episode is about. */
    OVERVIEW,
    /** Not covered by the episode: the bot should say so. */
    OOS;

    /** The name used in question files and reports ({@code fact}, {@code oos}, …). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the question asks for one thing found in one place (the kinds recall@k is headlined on). */
    public boolean pointQuestion() {
        return this == FACT || this == PARAPHRASE || this == CROSSLINGUAL || this == FOLLOWUP;
    }

    /** The kind named {@code id}; an unknown name fails with the list of known ones. */
    public static QuestionKind of(String id) {
        for (QuestionKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind \"" + id + "\" (known: "
                + Arrays.stream(values()).map(QuestionKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
