package dev.episodebot.core.answer;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer without an LLM: the best evidence line is the lead, quoted verbatim with a line of
 * context before and two after (the answering line marked), with its citation; a second best line
 * from elsewhere is quoted the same way. When the evidence is weak it says plainly that the
 * episode does not cover the question, and quotes nothing.
 */
public final class ExtractiveAnswerer {

    /**
     * @param evidence what retrieval found
     * @param language the asker's language
     * @param episodes the titles of the known episodes (named when the question is not covered)
     * @param question the question as searched
     */
    public Answer answer(Evidence evidence, Language language, List<String> episodes, String question) {
        if (!evidence.grounded() || evidence.lines().isEmpty()) {
            return notCovered(language, episodes, evidence.passages(), question);
        }
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, language);
        for (ScoredLine best : evidence.lines()) {
            int quote = quote(reply, best);
            if (quote == 0) {
                reply.leadFromQuote(quote);
            }
        }
        return new Answer(reply.build(), evidence.passages(), question);
    }

    /** "The episode does not cover that", naming the known episodes; nothing quoted. */
    static Answer notCovered(Language language, List<String> episodes, List<RetrievedPassage> passages,
            String question) {
        return new Answer(BotReply.builder(ReplyKind.NOT_COVERED, language).grounded(false)
                .lead(Messages.notCovered(language, episodes)).build(), passages, question);
    }

    /** There is no knowledge to answer from. */
    static Answer noKnowledge(Language language, String question) {
        return new Answer(BotReply.builder(ReplyKind.NOT_COVERED, language).grounded(false)
                .lead(Messages.noKnowledge(language)).build(), List.of(), question);
    }

    /**
     * Adds the window around {@code best} as a quote (its line marked as the answer) with its
     * citation; returns the quote's index.
     */
    static int quote(BotReply.Builder reply, ScoredLine best) {
        List<TranscriptLine> window = window(best);
        Citation citation = Citations.of(best.passage().chunk(), window);
        List<String> lines = List.of(citation.quote().split("\n"));
        return reply.quote(citation, lines, answerIndex(window, best.line().lineNumber()));
    }

    /** The position of line {@code lineNumber} among the distinct lines of {@code window}. */
    private static int answerIndex(List<TranscriptLine> window, int lineNumber) {
        List<Integer> numbers = new ArrayList<>();
        for (TranscriptLine line : window) {
            if (numbers.isEmpty() || numbers.get(numbers.size() - 1) != line.lineNumber()) {
                numbers.add(line.lineNumber());
            }
        }
        return numbers.indexOf(lineNumber);
    }

    /** The best line with its context: {@link EvidenceFinder#CONTEXT_BEFORE} before, {@link EvidenceFinder#CONTEXT_AFTER} after. */
    static List<TranscriptLine> window(ScoredLine best) {
        Chunk chunk = best.passage().chunk();
        List<TranscriptLine> lines = chunk.lines();
        int from = Math.max(0, best.index() - EvidenceFinder.CONTEXT_BEFORE);
        int to = Math.min(lines.size() - 1, best.index() + EvidenceFinder.CONTEXT_AFTER);
        return lines.subList(from, to + 1);
    }
}
