package dev.episodebot.core.eval;

import java.util.List;

/**
 * The outcome for one question.
 *
 * @param question the question
 * @param retrieved the top-k retrieved chunk texts, in order
 * @param answer the answer text
 * @param grounded whether the bot judged the question covered
 * @param hitRank the rank (0-based) of the first retrieved chunk holding evidence, or -1
 * @param answerHit whether the answer contains an expected answer string
 */
public record EvalResult(EvalQuestion question, List<String> retrieved, String answer, boolean grounded, int hitRank,
        boolean answerHit) {}
