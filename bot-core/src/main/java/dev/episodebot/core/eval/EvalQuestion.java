package dev.episodebot.core.eval;

import java.util.List;

/**
 * One evaluation question.
 *
 * @param id its id
 * @param lang {@code zh} or {@code en}
 * @param kind what it tests
 * @param context earlier questions, asked first in the same conversation (empty for most kinds)
 * @param question the question
 * @param evidence verbatim transcript strings, any of which proves a retrieved chunk is the right one
 * @param answers strings a correct answer contains: any one of them, or for {@link QuestionKind#LIST} and
 *     {@link QuestionKind#OVERVIEW} a share of them (see {@link AnswerScoring})
 */
public record EvalQuestion(String id, String lang, QuestionKind kind, List<String> context, String question,
        List<String> evidence, List<String> answers) {

    public EvalQuestion {
        context = List.copyOf(context);
        evidence = List.copyOf(evidence);
        answers = List.copyOf(answers);
    }

    public boolean outOfScope() {
        return kind == QuestionKind.OOS;
    }
}
