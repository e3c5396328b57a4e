package dev.episodebot.core.eval;

import java.util.List;
import java.util.Locale;

/**
 * Whether an answer counts as a hit for its question:
 * <ul>
 *   <li>out of scope: the bot said the episode does not cover it ({@code grounded=false});
 *   <li>{@link QuestionKind#LIST}: the answer contains at least {@value #LIST_SHARE} of the expected strings,
 *       {@link QuestionKind#OVERVIEW}: at least {@value #OVERVIEW_SHARE}, both ignoring whitespace and case;
 *   <li>every other kind: the answer contains any one expected string, ignoring case.
 * </ul>
 */
public final class AnswerScoring {

    /** Share of a list question's items a hit must contain. */
    public static final double LIST_SHARE = 0.75;
    /** Share of an overview question's key terms a hit must contain. */
    public static final double OVERVIEW_SHARE = 0.5;

    private AnswerScoring() {}

    public static boolean hit(EvalQuestion question, String answer, boolean grounded) {
        return switch (question.kind()) {
            case OOS -> !grounded;
            case LIST -> !question.answers().isEmpty() && share(question.answers(), answer) >= LIST_SHARE;
            case OVERVIEW -> !question.answers().isEmpty() && share(question.answers(), answer) >= OVERVIEW_SHARE;
            default -> containsAny(question.answers(), answer);
        };
    }

    /** The share of {@code expected} strings that {@code answer} contains, ignoring whitespace and case (0 for none). */
    public static double share(List<String> expected, String answer) {
        if (expected.isEmpty()) {
            return 0;
        }
        String haystack = squeeze(answer);
        long found = expected.stream().filter(e -> haystack.contains(squeeze(e))).count();
        return (double) found / expected.size();
    }

    /** Whether {@code answer} contains one of {@code expected}, ignoring case. */
    public static boolean containsAny(List<String> expected, String answer) {
        String lower = answer.toLowerCase(Locale.ROOT);
        return expected.stream().anyMatch(e -> lower.contains(e.toLowerCase(Locale.ROOT)));
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
