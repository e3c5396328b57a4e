package dev.episodebot.core.llm;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.RetrievedPassage;
import dev.episodebot.core.support.BoundedLruMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Assembles the transcript part of a prompt within a token budget ({@code LLM_CONTEXT_TOKENS}):
 * <ul>
 *   <li>when the episodes a question's best passages come from fit together, their whole text,
 *       every line numbered ({@code L113 …});
 *   <li>otherwise the retrieved passages, best first, each widened by {@value #NEIGHBOURS}
 *       neighbouring lines on either side (or, when that does not fit, as it is), merged where they
 *       overlap or touch, until the budget is spent; shown in transcript order, a gap marked
 *       {@value #GAP}.
 * </ul>
 * With several episodes each one's lines stand under its title, with an id ({@code E1}, {@code E2})
 * for citations. Tokens are estimated with the embedding model's own tokenizer (one token per CJK
 * ideograph, word pieces for Latin text), per line, cached by episode content.
 *
 * <p>The same assembly serves anything else that prompts with transcript text (an episode summary,
 * section titles): {@link #whole} and {@link #ofRanges}.
 */
public final class ContextAssembler {

    /** Lines added before and after each retrieved passage. */
    public static final int NEIGHBOURS = 2;
    /** How many of the best passages decide which episodes are relevant. */
    static final int RELEVANT_PASSAGES = 5;
    /** Marks lines left out between two runs of a block. */
    static final String GAP = "…";

    private final ToIntFunction<String> tokens;
    private final int budget;
    private final Map<String, int[]> lineTokens = new BoundedLruMap<>(512);

    /**
     * @param tokens estimates the tokens of a text
     * @param budget the most tokens a context may hold ({@code LLM_CONTEXT_TOKENS})
     */
    public ContextAssembler(ToIntFunction<String> tokens, int budget) {
        this.tokens = tokens;
        this.budget = budget;
    }

    public int budget() {
        return budget;
    }

    /**
     * The context for a question whose retrieved passages are {@code bestFirst}: the whole relevant
     * episodes when they fit together, otherwise the passages widened, best first, within the budget.
     */
    public LlmContext forQuestion(IndexState state, List<RetrievedPassage> bestFirst) {
        Set<String> relevant = new LinkedHashSet<>();
        for (RetrievedPassage p : bestFirst.subList(0, Math.min(RELEVANT_PASSAGES, bestFirst.size()))) {
            relevant.add(p.chunk().source());
        }
        Optional<LlmContext> whole = whole(state, List.copyOf(relevant));
        if (whole.isPresent()) {
            return whole.get();
        }
        List<LineRange> ranges = new ArrayList<>();
        for (RetrievedPassage p : bestFirst) {
            ranges.add(new LineRange(p.chunk().source(), p.chunk().lineStart(), p.chunk().lineEnd()));
        }
        return ofRanges(state, ranges);
    }

    /** The whole text of {@code sources} (in that order), if it fits in the budget; empty otherwise. */
    public Optional<LlmContext> whole(IndexState state, List<String> sources) {
        List<EpisodeRecord> episodes = sources.stream().map(state::episode).filter(e -> e != null && !e.lines().isEmpty())
                .toList();
        if (episodes.isEmpty()) {
            return Optional.empty();
        }
        boolean several = episodes.size() > 1;
        int used = wrapperTokens();
        List<ContextBlock> blocks = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeRecord episode = episodes.get(i);
            ContextBlock block = new ContextBlock(several ? "E" + (i + 1) : null, episode, episode.lines(), true);
            used += headerTokens(block);
            int[] costs = costs(episode);
            for (int j = 0; j < costs.length; j++) {
                used += cost(episode, costs, j);
            }
            if (used > budget) {
                return Optional.empty();
            }
            blocks.add(block);
        }
        return Optional.of(new LlmContext(blocks, used));
    }

    /**
     * The lines of {@code bestFirst}, each widened by {@value #NEIGHBOURS} neighbours (or as it is
     * when the widened range does not fit), added best first while they fit in the budget.
     */
    public LlmContext ofRanges(IndexState state, List<LineRange> bestFirst) {
        Map<String, Selection> selections = new LinkedHashMap<>();
        int used = wrapperTokens();
        for (LineRange range : bestFirst) {
            EpisodeRecord episode = state.episode(range.source());
            if (episode == null || episode.lines().isEmpty()) {
                continue;
            }
            int first = indexAtOrAfter(episode.lines(), range.firstLine());
            int last = indexAtOrAfter(episode.lines(), range.lastLine() + 1) - 1;
            if (first > last) {
                continue;
            }
            Selection selection = selections.get(episode.source());
            boolean added = selection == null;
            if (added) {
                selection = new Selection(episode, costs(episode));
            }
            int header = added ? headerTokens(new ContextBlock("E" + (selections.size() + 1), episode, List.of(),
                    false)) : 0;
            int wideFirst = Math.max(0, first - NEIGHBOURS);
            int wideLast = Math.min(episode.lines().size() - 1, last + NEIGHBOURS);
            int wide = header + selection.cost(this, wideFirst, wideLast);
            if (used + wide <= budget) {
                used += wide;
                selection.add(wideFirst, wideLast);
            } else {
                int core = header + selection.cost(this, first, last);
                if (used + core > budget) {
                    continue; // a later, shorter passage may still fit
                }
                used += core;
                selection.add(first, last);
            }
            if (added) {
                selections.put(episode.source(), selection);
            }
        }
        boolean several = selections.size() > 1;
        List<ContextBlock> blocks = new ArrayList<>();
        int n = 0;
        for (Selection selection : selections.values()) {
            n++;
            List<TranscriptLine> lines = new ArrayList<>();
            List<TranscriptLine> all = selection.episode.lines();
            for (int i = selection.lines.nextSetBit(0); i >= 0; i = selection.lines.nextSetBit(i + 1)) {
                lines.add(all.get(i));
            }
            blocks.add(new ContextBlock(several ? "E" + n : null, selection.episode, lines,
                    lines.size() == all.size()));
        }
        return new LlmContext(blocks, used);
    }

    /** The lines chosen from one episode. */
    private static final class Selection {
        final EpisodeRecord episode;
        final int[] costs;
        final BitSet lines = new BitSet();

        Selection(EpisodeRecord episode, int[] costs) {
            this.episode = episode;
            this.costs = costs;
        }

        /** The tokens lines {@code first..last} (list indexes) add: lines not chosen yet, and a gap marker. */
        int cost(ContextAssembler assembler, int first, int last) {
            int sum = 0;
            for (int i = first; i <= last; i++) {
                if (!lines.get(i)) {
                    sum += assembler.cost(episode, costs, i);
                }
            }
            boolean touches = (first > 0 && lines.get(first - 1)) || lines.get(first, last + 1).cardinality() > 0
                    || lines.get(last + 1);
            return sum + (touches || sum == 0 ? 0 : 2);
        }

        void add(int first, int last) {
            lines.set(first, last + 1);
        }
    }

    /** The first list index whose line number is at least {@code lineNumber} (the size when none is). */
    private static int indexAtOrAfter(List<TranscriptLine> lines, int lineNumber) {
        int lo = 0;
        int hi = lines.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lines.get(mid).lineNumber() < lineNumber) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int[] costs(EpisodeRecord episode) {
        synchronized (lineTokens) {
            return lineTokens.computeIfAbsent(episode.contentHash() + "/" + episode.source(), k -> {
                int[] costs = new int[episode.lines().size()];
                Arrays.fill(costs, -1);
                return costs;
            });
        }
    }

    /** The tokens of line {@code index} as the prompt shows it (computed once per episode content). */
    private int cost(EpisodeRecord episode, int[] costs, int index) {
        int cost = costs[index];
        if (cost < 0) {
            cost = tokens.applyAsInt(LlmContext.lineText(episode.lines().get(index))) + 1;
            costs[index] = cost; // a benign race: every thread computes the same value
        }
        return cost;
    }

    private int headerTokens(ContextBlock block) {
        return tokens.applyAsInt(LlmContext.header(block)) + tokens.applyAsInt("</episode>") + 2;
    }

    private int wrapperTokens() {
        return tokens.applyAsInt("<transcript>\n</transcript>") + 1;
    }
}
