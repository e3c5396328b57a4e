package dev.episodebot.core.answer;

import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which lines answer, from the scored lines: the best line is where the answer is; the
 * question's answer type decides which line there answers (a date question is answered by the
 * line with the date next to the best match, not by the best match itself). A second line from
 * elsewhere is kept when it scores nearly as well; a list question collects one item per place that
 * scores well enough, each a line of its own.
 */
final class AnswerLines {

    /** Lines quoted at most for a single answer. */
    static final int MAX_LINES = 2;
    /** A second line is quoted when it scores at least the best minus this. */
    static final double SECOND_MARGIN = 0.08;
    /** How far from the best line a line of the asked type may be to answer instead of it. */
    static final int TYPE_REACH = 3;
    /** A line of the asked type elsewhere answers instead of the best line when it scores at least the best minus this. */
    static final double TYPE_MARGIN = 0.25;
    /** Items a list answer holds at most. */
    static final int MAX_ITEMS = 8;
    /** An item scores at least the best minus this. */
    static final double ITEM_MARGIN = 0.2;
    /**
     * Lines after an item's line quoted with it: subtitles break an enumeration over several lines
     * (比如 PaLM、UL2 … / 此外 … / ViT-22B 和 PaLI-X …), so an item is the line that introduces it and
     * the lines that run on from it; items whose spans overlap are one.
     */
    static final int ITEM_RUN_ON = 3;

    /**
     * Lines an enumeration runs on for after the line that opens it (比如, 例如, 包括, such as): subtitles
     * spread one over many lines (比如，微软斥资 … / 聘请 … Mustafa / 负责 … / … Adept CEO David / …).
     */
    static final int ENUMERATION_RUN_ON = 8;
    private static final java.util.regex.Pattern ENUMERATION = java.util.regex.Pattern.compile(
            "比如|例如|譬如|包括|像是|诸如|分别是|such as|for example|for instance|including", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The lines an item is quoted with: the line before it and the {@link #ITEM_RUN_ON} after, or —
     * when one of those opens an enumeration — through {@link #ENUMERATION_RUN_ON} lines after that one.
     */
    static List<TranscriptLine> span(ScoredLine item, EpisodeLines episodes) {
        List<TranscriptLine> span = episodes.window(item.passage(), item.line(), EvidenceFinder.CONTEXT_BEFORE, ITEM_RUN_ON);
        int opens = -1;
        for (TranscriptLine line : span) {
            if (ENUMERATION.matcher(line.text()).find()) {
                opens = line.lineNumber();
            }
        }
        if (opens < 0) {
            return span;
        }
        int after = opens + ENUMERATION_RUN_ON - item.line().lineNumber();
        return episodes.window(item.passage(), item.line(), EvidenceFinder.CONTEXT_BEFORE, Math.max(ITEM_RUN_ON, after));
    }

    /**
     * @param lines the answering lines, the lead first
     * @param items the items of a list answer, in transcript order (empty for other questions)
     */
    record Selection(List<ScoredLine> lines, List<ScoredLine> items) {
        Selection {
            lines = List.copyOf(lines);
            items = List.copyOf(items);
        }
    }

    private AnswerLines() {}

    /**
     * @param ranked the scored lines, best first
     */
    static Selection choose(List<ScoredLine> ranked, QuestionAnalysis question, EpisodeLines episodes) {
        if (ranked.isEmpty()) {
            return new Selection(List.of(), List.of());
        }
        ScoredLine best = ranked.get(0);
        ScoredLine lead = answering(best, question, ranked, episodes);
        List<ScoredLine> lines = new ArrayList<>();
        lines.add(lead);
        for (ScoredLine line : ranked) {
            if (lines.size() >= MAX_LINES) {
                break;
            }
            if (line.score() >= best.score() - SECOND_MARGIN && !line.near(lead, 2) && !line.near(best, 2)
                    && lines.stream().noneMatch(l -> l.near(line, 2))) {
                lines.add(answering(line, question, ranked, episodes));
            }
        }
        List<ScoredLine> items = question.list() ? items(ranked, best) : List.of();
        return new Selection(lines, items);
    }

    /**
     * The line near {@code best} that holds an answer of the type asked, else the best line elsewhere
     * that holds one and scores within {@link #TYPE_MARGIN} of it, else {@code best} itself.
     */
    static ScoredLine answering(ScoredLine best, QuestionAnalysis question, List<ScoredLine> ranked, EpisodeLines episodes) {
        if (!question.type().typed() || best.typed()) {
            return best;
        }
        ScoredLine found = null;
        int foundDistance = Integer.MAX_VALUE;
        for (TranscriptLine line : episodes.window(best.passage(), best.line(), TYPE_REACH, TYPE_REACH)) {
            if (!question.answeredBy(line.text())) {
                continue;
            }
            int distance = Math.abs(line.lineNumber() - best.line().lineNumber());
            // nearer first; at the same distance the line after (the answer usually follows its question's words)
            if (distance < foundDistance || (distance == foundDistance && line.lineNumber() > best.line().lineNumber())) {
                foundDistance = distance;
                found = scoredOrNew(line, best, ranked);
            }
        }
        if (found != null) {
            return found;
        }
        for (ScoredLine line : ranked) {
            if (line.score() < best.score() - TYPE_MARGIN) {
                break;
            }
            if (line.typed()) {
                return line;
            }
        }
        return best;
    }

    private static ScoredLine scoredOrNew(TranscriptLine line, ScoredLine near, List<ScoredLine> ranked) {
        for (ScoredLine s : ranked) {
            if (s.line().equals(line) && s.passage().chunk().source().equals(near.passage().chunk().source())) {
                return s.withScore(near.score());
            }
        }
        return new ScoredLine(near.passage(), line, near.score(), 0, near.cosine(), near.windowCoverage(), true,
                near.weakestPhrase());
    }

    /** One line per place that scores within {@link #ITEM_MARGIN} of the best, at most {@link #MAX_ITEMS}. */
    static List<ScoredLine> items(List<ScoredLine> ranked, ScoredLine best) {
        List<ScoredLine> items = new ArrayList<>();
        for (ScoredLine line : ranked) {
            if (items.size() >= MAX_ITEMS || line.score() < best.score() - ITEM_MARGIN) {
                break;
            }
            if (items.stream().noneMatch(i -> i.near(line, ITEM_RUN_ON))) {
                items.add(line);
            }
        }
        items.sort(Comparator.comparing((ScoredLine l) -> l.passage().chunk().source())
                .thenComparingInt(l -> l.line().lineNumber()));
        return items;
    }
}
