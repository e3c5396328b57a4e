package dev.episodebot.core.answer;

import dev.episodebot.core.ReplyProgress;
import java.time.Duration;

/**
 * The LLM part of answering one question ({@link LlmAnswers}): given the retrieved question and its
 * extractive answer, returns the answer to give, within {@code budget} of LLM time.
 */
@FunctionalInterface
public interface LlmStep {

    /** How many retrieved passages the step gets to choose its context from. */
    int CANDIDATES = 40;

    /**
     * @param progress gets drafts of the reply while the model writes ({@link ReplyProgress#NONE}: nobody watches)
     */
    Answer answer(LlmQuestion question, Duration budget, ReplyProgress progress);
}
