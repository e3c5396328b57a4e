package dev.episodebot.core.eval;

import java.util.List;

/**
 * One evaluation question.
 *
 * @param id its id
 * @param lang {@code zh} or {@code en}
 * @param kind {@code fact}, {@code paraphrase}, {@code crosslingual} or {@code oos} (not covered by the episode)
 * @param question the question
 * @param evidence verbatim transcript strings, any of which proves a retrieved chunk is the right one
 * @param answers strings, any of which a correct answer contains
 */
public record EvalQuestion(String id, String lang, String kind, String question, List<String> evidence,
        List<String> answers) {

    public boolean outOfScope() {
        return "oos".equals(kind);
    }
}
