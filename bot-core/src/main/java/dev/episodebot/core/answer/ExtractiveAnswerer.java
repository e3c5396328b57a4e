package dev.episodebot.core.answer;

import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer without an LLM: the best-matching transcript lines quoted verbatim with a line of
 * context before and after, each with its citation, framed in the asker's language. When the
 * evidence is weak it says plainly that the episode does not cover the question.
 */
public final class ExtractiveAnswerer {

    /**
     * @param evidence what retrieval found
     * @param language the asker's language
     * @param knowledgeCjk whether the knowledge is Chinese (to say quotes are in the original language)
     * @param episodes the titles of the known episodes (named when the question is not covered)
     */
    public Answer answer(Evidence evidence, Language language, boolean knowledgeCjk, List<String> episodes,
            String question) {
        if (!evidence.grounded() || evidence.lines().isEmpty()) {
            return new Answer(Messages.notCovered(language, episodes), List.of(), false, language,
                    evidence.passages(), question);
        }
        boolean crossLanguage = (language == Language.ZH) != knowledgeCjk;
        StringBuilder text = new StringBuilder(Messages.quoteIntro(language, crossLanguage));
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < evidence.lines().size(); i++) {
            ScoredLine best = evidence.lines().get(i);
            Citation citation = Citations.of(best.passage().chunk(), window(best));
            citations.add(citation);
            text.append('\n');
            if (i > 0) {
                text.append('\n').append(Messages.alsoIntro(language)).append('\n');
            }
            for (String line : citation.quote().split("\n")) {
                text.append("> ").append(line).append('\n');
            }
            text.append(Messages.source(language, citation));
        }
        return new Answer(text.toString(), citations, true, language, evidence.passages(), question);
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
