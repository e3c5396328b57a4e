package dev.episodebot.core.answer;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Item;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.RetrievedPassage;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer without an LLM. The answering line is the lead, quoted verbatim with a line of context
 * before and two after (the answering line marked), with its citation; a second answering line from
 * elsewhere is quoted the same way. A list question's answer is its items, each quoted with the
 * line before it (an item's best match often follows the words that name it), the lines that run
 * on from it and its own citation, under a short intro. When the evidence is weak it
 * says plainly that the episode
 * does not cover the question, and quotes nothing.
 */
public final class ExtractiveAnswerer {

    /** A list answer has at least this many items; with fewer it is answered as a single answer. */
    static final int MIN_ITEMS = 2;

    /**
     * @param evidence what retrieval found
     * @param language the asker's language
     * @param episodes the titles of the known episodes (named when the question is not covered)
     * @param question the question as searched
     */
    public Answer answer(Evidence evidence, Language language, List<String> episodes, String question) {
        return answer(evidence, language, episodes, question, null);
    }

    /** The same, with the whole transcripts for the quotes' context (null: the passages' own lines). */
    Answer answer(Evidence evidence, Language language, List<String> episodes, String question, EpisodeLines lines) {
        if (!evidence.grounded() || evidence.lines().isEmpty()) {
            return notCovered(language, episodes, evidence.passages(), question);
        }
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, language);
        if (evidence.items().size() >= MIN_ITEMS) {
            boolean original = Language.detect(evidence.items().get(0).line().text()) != language;
            reply.lead(Catalog.text(language, original ? UiText.ANSWER_LIST_ORIGINAL : UiText.ANSWER_LIST));
            List<TranscriptLine> quoted = new java.util.ArrayList<>();
            for (ScoredLine item : evidence.items()) {
                if (quoted.contains(item.line()) && lines != null) {
                    continue; // inside the enumeration an earlier item quotes through
                }
                List<TranscriptLine> span = lines == null ? List.of(item.line()) : AnswerLines.span(item, lines);
                quoted.addAll(span);
                Citation citation = Citations.of(item.passage().chunk(), span);
                int quote = reply.quote(citation, List.of(citation.quote().split("\n")), Math.max(0, span.indexOf(item.line())));
                reply.item(new Item(item.line().text(), quote, reply.citationOf(quote)));
            }
            return new Answer(reply.build(), evidence.passages(), question);
        }
        for (ScoredLine best : evidence.lines()) {
            int quote = quote(reply, best, lines);
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
     * Adds the window around {@code best} (from its passage's lines) as a quote, its line marked as
     * the answer, with its citation; returns the quote's index.
     */
    static int quote(BotReply.Builder reply, ScoredLine best) {
        return quote(reply, best, null);
    }

    private static int quote(BotReply.Builder reply, ScoredLine best, EpisodeLines lines) {
        List<TranscriptLine> window = lines == null ? window(best)
                : lines.window(best.passage(), best.line(), EvidenceFinder.CONTEXT_BEFORE, EvidenceFinder.CONTEXT_AFTER);
        Citation citation = Citations.of(best.passage().chunk(), window);
        List<String> quoted = List.of(citation.quote().split("\n"));
        return reply.quote(citation, quoted, answerIndex(window, best.line().lineNumber()));
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

    /** The best line with its context from its passage: {@link EvidenceFinder#CONTEXT_BEFORE} before, {@link EvidenceFinder#CONTEXT_AFTER} after. */
    static List<TranscriptLine> window(ScoredLine best) {
        Chunk chunk = best.passage().chunk();
        List<TranscriptLine> lines = chunk.lines();
        int at = lines.indexOf(best.line());
        if (at < 0) {
            return List.of(best.line());
        }
        int from = Math.max(0, at - EvidenceFinder.CONTEXT_BEFORE);
        int to = Math.min(lines.size() - 1, at + EvidenceFinder.CONTEXT_AFTER);
        return lines.subList(from, to + 1);
    }
}
