package dev.episodebot.core.eval;

import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.answer.QuestionAnswerer;
import dev.episodebot.core.bot.ConversationMemories;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a question set through the answering pipeline, each question in a conversation of its own:
 * its {@code context} questions are asked first in that conversation, then the question itself. A
 * question hits at k when one of its top-k retrieved chunks contains any evidence string; its
 * answer is scored by {@link AnswerScoring}.
 */
public final class EvalRunner {

    /**
     * The message window of an evaluation conversation: the one {@code BotCore} gives a chat. An
     * evaluation conversation has only a few turns, so the whole of it is in the history.
     */
    static final int MEMORY_MESSAGES = 12;

    private final QuestionAnswerer answerer;
    private final ConversationMemories memories;
    private int conversations;

    public EvalRunner(QuestionAnswerer answerer) {
        this(answerer, new ConversationMemories(1, MEMORY_MESSAGES));
    }

    /** With the conversation memory to use (each question's conversation is forgotten after it). */
    public EvalRunner(QuestionAnswerer answerer, ConversationMemories memories) {
        this.answerer = answerer;
        this.memories = memories;
    }

    public EvalSummary run(List<EvalQuestion> questions, int k) {
        List<EvalResult> results = new ArrayList<>();
        for (EvalQuestion q : questions) {
            results.add(evaluate(q, k));
        }
        return new EvalSummary(results, k);
    }

    private EvalResult evaluate(EvalQuestion q, int k) {
        List<String> contextAnswers = new ArrayList<>();
        Answer answer;
        try (EvalConversation conversation = new EvalConversation(answerer, memories,
                "eval-" + (++conversations) + "-" + q.id())) {
            for (String earlier : q.context()) {
                contextAnswers.add(conversation.ask(earlier).text());
            }
            answer = conversation.ask(q.question());
        }
        List<String> retrieved = new ArrayList<>();
        int hitRank = -1;
        for (int i = 0; i < answer.retrieved().size(); i++) {
            String text = answer.retrieved().get(i).chunk().text();
            if (i < k) {
                retrieved.add(text);
            }
            if (hitRank < 0 && q.evidence().stream().anyMatch(text::contains)) {
                hitRank = i;
            }
        }
        return new EvalResult(q, contextAnswers, retrieved, answer.text(), answer.grounded(), hitRank,
                AnswerScoring.hit(q, answer.text(), answer.grounded()));
    }
}
