package dev.episodebot.core.state;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.support.DisplayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a vote record needs of one answer, bounded: at most {@value #MAX_ANSWER_CHARS} characters of
 * the answer, {@value #MAX_QUESTION_CHARS} of the question and the first {@value #MAX_CITATIONS}
 * citations (without their quotes), so what is kept stays small whatever the size of the answer.
 */
public record RememberedAnswer(String question, String answer, boolean grounded, List<Citation> citations,
        String conversationId) {

    public static final int MAX_ANSWER_CHARS = 2_000;
    public static final int MAX_QUESTION_CHARS = 500;
    public static final int MAX_CITATIONS = 5;

    public RememberedAnswer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        citations = List.copyOf(citations);
        Objects.requireNonNull(conversationId, "conversationId");
    }

    /** The bounded record of {@code reply}, the answer to {@code question} in {@code conversationId}. */
    public static RememberedAnswer of(BotReply reply, String question, String conversationId) {
        List<Citation> citations = new ArrayList<>();
        for (Citation c : reply.citations().subList(0, Math.min(MAX_CITATIONS, reply.citations().size()))) {
            citations.add(new Citation(DisplayText.shorten(c.source(), 300), c.lineStart(), c.lineEnd(),
                    c.start(), c.end(), DisplayText.shorten(c.url(), 300), "", null));
        }
        return new RememberedAnswer(DisplayText.shorten(question, MAX_QUESTION_CHARS),
                DisplayText.shorten(reply.text(), MAX_ANSWER_CHARS), reply.grounded(), citations,
                DisplayText.shorten(conversationId, 200));
    }

    /** The characters held (what the bounds are about). */
    public long chars() {
        long chars = question.length() + answer.length() + conversationId.length();
        for (Citation c : citations) {
            chars += c.source().length() + (c.url() == null ? 0 : c.url().length());
        }
        return chars;
    }
}
