package dev.episodebot.core.eval;

import java.util.List;

/**
 * The outcome for one question.
 *
 * @param question the question
 * @param contextAnswers the bot's answers to the question's {@code context}, in order (asked first)
 * @param retrieved the top-k retrieved chunk texts, in order
 * @param answer the answer text
 * @param grounded whether the bot judged the question covered
 * @param hitRank the rank (0-based) of the first retrieved chunk holding evidence, or -1
 * @param hit whether the answer counts as right for the question's kind ({@link AnswerScoring})
 */
public record EvalResult(EvalQuestion question, List<String> contextAnswers, List<String> retrieved, String answer,
        boolean grounded, int hitRank, boolean hit) {

    public EvalResult {
        contextAnswers = List.copyOf(contextAnswers);
        retrieved = List.copyOf(retrieved);
    }
}
