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
 *   <li>otherwise the retrieved passages, coverage first: the best {@value #RELEVANT_PASSAGES}
 *       widened by {@value #NEIGHBOURS} neighbouring lines on either side (or as they are when that
 *       does not fit), then every further passage as it is, best first, while the budget holds it;
 *       then what is left widens those too, best first; merged where they overlap or touch, shown in
 *       transcript order, a gap marked {@value #GAP}.
 * </ul>
 * With several episodes each one's lines stand under its title, with an id ({@code E1}, {@code E2})
 * for citations, and a question whose scope is the episodes themselves ({@link Scope}) also reads a
 * {@link #catalogue} of every episode: its opening and closing lines, and for a question about an
 * episode as a whole its key lines. A task that reads a whole episode (its summary and section
 * titles) gets it in {@link #parts}, section by section when it does not fit. Tokens are estimated with the embedding model's own tokenizer
 * (one token per CJK ideograph, word pieces for Latin text), per line, cached by episode content.
 */
public final class ContextAssembler {

    /** Lines added before and after each retrieved passage. */
    public static final int NEIGHBOURS = 2;
    /** How many of the best passages decide which episodes are relevant. */
    static final int RELEVANT_PASSAGES = 5;
    /** Marks lines left out between two runs of a block. */
    static final String GAP = "…";
    /** Lines at the start and at the end of an episode a catalogue shows (greeting, host, farewell). */
    static final int CATALOGUE_EDGE_LINES = 2;

    /** What a question asks about, as far as choosing its context goes. */
    public enum Scope {
        /** Something the episodes say: its passages decide. */
        CONTENT,
        /** The episode itself (who hosts it, its channel, its title): every episode's opening and closing lines, then passages. */
        EPISODE,
        /** An episode as a whole (what it is about, a summary): every episode's opening, key and closing lines. */
        WHOLE_EPISODE
    }

    /** The line numbers that represent an episode (its summary); empty when unknown. */
    @FunctionalInterface
    public interface KeyLines {
        KeyLines NONE = episode -> List.of();

        List<Integer> of(EpisodeRecord episode);
    }

    private final ToIntFunction<String> tokens;
    private final int budget;
    private final KeyLines keyLines;
    private final Map<String, int[]> lineTokens = new BoundedLruMap<>(512);
    private final Map<String, Integer> headers = new BoundedLruMap<>(512);

    /**
     * @param tokens estimates the tokens of a text
     * @param budget the most tokens a context may hold ({@code LLM_CONTEXT_TOKENS})
     */
    public ContextAssembler(ToIntFunction<String> tokens, int budget) {
        this(tokens, budget, KeyLines.NONE);
    }

    /**
     * @param tokens estimates the tokens of a text
     * @param budget the most tokens a context may hold ({@code LLM_CONTEXT_TOKENS})
     * @param keyLines the lines a catalogue shows of each episode besides its opening and closing ones
     */
    public ContextAssembler(ToIntFunction<String> tokens, int budget, KeyLines keyLines) {
        this.tokens = tokens;
        this.budget = budget;
        this.keyLines = keyLines;
    }

    public int budget() {
        return budget;
    }

    /**
     * The context for a question whose retrieved passages are {@code bestFirst}: the whole relevant
     * episodes when they fit together, otherwise the passages widened, best first, within the budget.
     * With several episodes, a question about the episode itself first gets every episode's opening
     * and closing lines (leaving room for its best {@value #RELEVANT_PASSAGES} passages), and one
     * about an episode as a whole the {@link #catalogue} alone.
     */
    public LlmContext forQuestion(IndexState state, List<RetrievedPassage> bestFirst, Scope scope) {
        List<String> sources = bestFirst.stream().map(p -> p.chunk().source()).distinct().toList();
        boolean several = state.episodes().size() > 1;
        if (several && scope == Scope.WHOLE_EPISODE) {
            return catalogue(state, sources);
        }
        Draft draft = new Draft();
        if (several && scope == Scope.EPISODE) {
            // the catalogue leaves room for the best passages (the question may ask about their content too)
            Draft best = new Draft();
            bestFirst.subList(0, Math.min(RELEVANT_PASSAGES, bestFirst.size()))
                    .forEach(p -> addRange(best, state, range(p)));
            addCatalogue(draft, state, sources, false, budget - (best.used - wrapperTokens()));
        }
        List<String> relevant = new ArrayList<>();
        for (RetrievedPassage p : bestFirst.subList(0, Math.min(RELEVANT_PASSAGES, bestFirst.size()))) {
            if (!relevant.contains(p.chunk().source())) {
                relevant.add(p.chunk().source());
            }
        }
        if (!addWhole(draft, state, relevant)) {
            addPassages(draft, state, bestFirst);
        }
        return draft.context(draft.selections.size() > 1);
    }

    /**
     * Every episode at a glance, for a question about "the episode" whose words do not say which one
     * it means: per episode its first and last {@value #CATALOGUE_EDGE_LINES} lines (the greeting,
     * the host, the farewell) and its key lines, within an equal share of the budget (what one
     * episode leaves goes to the next). Episodes of {@code firstSources} come first, the others in
     * the index's order; when not even one line each fits, the first ones are kept.
     */
    public LlmContext catalogue(IndexState state, List<String> firstSources) {
        Draft draft = new Draft();
        addCatalogue(draft, state, firstSources, true, budget);
        return draft.context(draft.selections.size() > 1);
    }

    /** The whole text of {@code sources} (in that order), if it fits in the budget; empty otherwise. */
    public Optional<LlmContext> whole(IndexState state, List<String> sources) {
        Draft draft = new Draft();
        return addWhole(draft, state, sources) ? Optional.of(draft.context(draft.selections.size() > 1))
                : Optional.empty();
    }

    /**
     * The lines of {@code bestFirst}, each widened by {@value #NEIGHBOURS} neighbours (or as it is
     * when the widened range does not fit), added best first while they fit in the budget.
     */
    public LlmContext ofRanges(IndexState state, List<LineRange> bestFirst) {
        Draft draft = new Draft();
        bestFirst.forEach(range -> addRange(draft, state, range));
        return draft.context(draft.selections.size() > 1);
    }

    /**
     * An episode in parts for a task that reads all of it (its summary, its section titles): one
     * part, the whole episode, when it fits in the budget; otherwise consecutive runs of
     * {@code sections} (line ranges in transcript order), as many whole sections in a part as fit,
     * a section too long for one part split at a line boundary. Every line of the episode is in
     * exactly one part (a single line longer than the budget is left out); each part is a context
     * within the budget, numbered and delimited as a question's.
     */
    public List<LlmContext> parts(EpisodeRecord episode, List<LineRange> sections) {
        List<TranscriptLine> lines = episode.lines();
        List<LlmContext> parts = new ArrayList<>();
        if (lines.isEmpty()) {
            return parts;
        }
        List<int[]> spans = new ArrayList<>(); // list index ranges: the sections, and any lines between them
        int next = 0;
        for (LineRange section : sections) {
            int first = Math.max(next, indexAtOrAfter(lines, section.firstLine()));
            int last = indexAtOrAfter(lines, section.lastLine() + 1) - 1;
            if (first > last) {
                continue;
            }
            if (first > next) {
                spans.add(new int[] {next, first - 1});
            }
            spans.add(new int[] {first, last});
            next = last + 1;
        }
        if (next < lines.size()) {
            spans.add(new int[] {next, lines.size() - 1});
        }
        Draft draft = new Draft();
        for (int[] span : spans) {
            if (!addSpan(draft, episode, span[0], span[1])) {
                if (!draft.selections.isEmpty()) {
                    parts.add(draft.context(false));
                    draft = new Draft();
                }
                for (int i = span[0]; i <= span[1]; i++) { // line by line, a new part whenever one is full
                    if (!addSpan(draft, episode, i, i) && !draft.selections.isEmpty()) {
                        parts.add(draft.context(false));
                        draft = new Draft();
                        addSpan(draft, episode, i, i);
                    }
                }
            }
        }
        if (!draft.selections.isEmpty()) {
            parts.add(draft.context(false));
        }
        return parts;
    }

    /** Adds list indexes {@code first..last} of {@code episode} to {@code draft} if they fit; returns whether they did. */
    private boolean addSpan(Draft draft, EpisodeRecord episode, int first, int last) {
        Selection selection = draft.selection(this, episode);
        int cost = (draft.selections.containsKey(episode.source()) ? 0 : headerTokens(episode))
                + selection.cost(this, first, last);
        if (draft.used + cost > budget) {
            return false;
        }
        selection.add(first, last);
        draft.keep(selection, cost);
        return true;
    }

    private static LineRange range(RetrievedPassage p) {
        return new LineRange(p.chunk().source(), p.chunk().lineStart(), p.chunk().lineEnd());
    }

    /** Adds the catalogue lines of every episode to {@code draft} while it stays within {@code limit} tokens. */
    private void addCatalogue(Draft draft, IndexState state, List<String> firstSources, boolean withKeyLines,
            int limit) {
        Map<String, EpisodeRecord> order = new LinkedHashMap<>();
        for (String source : firstSources) {
            EpisodeRecord episode = state.episode(source);
            if (episode != null && !episode.lines().isEmpty()) {
                order.putIfAbsent(source, episode);
            }
        }
        for (EpisodeRecord episode : state.episodes()) {
            if (!episode.lines().isEmpty()) {
                order.putIfAbsent(episode.source(), episode);
            }
        }
        int left = order.size();
        for (EpisodeRecord episode : order.values()) {
            int share = (limit - draft.used) / left--;
            Selection selection = draft.selection(this, episode);
            int spent = selection.lines.isEmpty() && !draft.selections.containsKey(episode.source())
                    ? headerTokens(episode) : 0;
            BitSet before = (BitSet) selection.lines.clone();
            for (int index : catalogueLines(episode, withKeyLines)) {
                int cost = selection.cost(this, index, index);
                boolean first = selection.lines.equals(before);
                if (spent + cost > share && !(first && draft.used + spent + cost <= limit)) {
                    continue; // a later, shorter line may still fit; the first goes in while the limit allows
                }
                spent += cost;
                selection.add(index, index);
            }
            if (selection.lines.equals(before)) {
                break;
            }
            draft.keep(selection, spent);
        }
    }

    /** The list indexes a catalogue shows of {@code episode}, in the order they are added: opening, closing, key lines. */
    private List<Integer> catalogueLines(EpisodeRecord episode, boolean withKeyLines) {
        List<TranscriptLine> lines = episode.lines();
        Set<Integer> order = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(CATALOGUE_EDGE_LINES, lines.size()); i++) {
            order.add(i);
        }
        for (int i = Math.max(0, lines.size() - CATALOGUE_EDGE_LINES); i < lines.size(); i++) {
            order.add(i);
        }
        if (withKeyLines) {
            for (int lineNumber : keyLines.of(episode)) {
                int index = indexAtOrAfter(lines, lineNumber);
                if (index < lines.size() && lines.get(index).lineNumber() == lineNumber) {
                    order.add(index);
                }
            }
        }
        return List.copyOf(order);
    }

    /** Adds every line of {@code sources} to {@code draft} if they all fit; returns whether they did (nothing is added otherwise). */
    private boolean addWhole(Draft draft, IndexState state, List<String> sources) {
        List<EpisodeRecord> episodes = sources.stream().distinct().map(state::episode)
                .filter(e -> e != null && !e.lines().isEmpty()).toList();
        if (episodes.isEmpty()) {
            return false;
        }
        int extra = 0;
        List<Selection> chosen = new ArrayList<>();
        int[] costs = new int[episodes.size()];
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeRecord episode = episodes.get(i);
            Selection selection = draft.selection(this, episode);
            costs[i] = (draft.selections.containsKey(episode.source()) ? 0 : headerTokens(episode))
                    + selection.cost(this, 0, episode.lines().size() - 1);
            extra += costs[i];
            chosen.add(selection);
        }
        if (draft.used + extra > budget) {
            return false;
        }
        for (int i = 0; i < chosen.size(); i++) {
            Selection selection = chosen.get(i);
            selection.add(0, selection.episode.lines().size() - 1);
            draft.keep(selection, costs[i]);
        }
        return true;
    }

    /** Adds {@code range} widened by {@value #NEIGHBOURS} lines (or as it is) to {@code draft} if it fits. */
    private void addRange(Draft draft, IndexState state, LineRange range) {
        EpisodeRecord episode = state.episode(range.source());
        if (episode == null || episode.lines().isEmpty()) {
            return;
        }
        int first = indexAtOrAfter(episode.lines(), range.firstLine());
        int last = indexAtOrAfter(episode.lines(), range.lastLine() + 1) - 1;
        if (first > last) {
            return;
        }
        Selection selection = draft.selection(this, episode);
        int header = draft.selections.containsKey(episode.source()) ? 0 : headerTokens(episode);
        int wideFirst = Math.max(0, first - NEIGHBOURS);
        int wideLast = Math.min(episode.lines().size() - 1, last + NEIGHBOURS);
        int wide = header + selection.cost(this, wideFirst, wideLast);
        if (draft.used + wide <= budget) {
            selection.add(wideFirst, wideLast);
            draft.keep(selection, wide);
            return;
        }
        int core = header + selection.cost(this, first, last);
        if (draft.used + core <= budget) { // otherwise a later, shorter passage may still fit
            selection.add(first, last);
            draft.keep(selection, core);
        }
    }

    /**
     * The passages of {@code bestFirst} within the budget, coverage first: the best
     * {@value #RELEVANT_PASSAGES} widened by {@value #NEIGHBOURS} lines, then every further passage
     * as it is, best first, while it fits (a later, shorter one may still fit when one does not), so
     * that as many passages get in as the budget holds; then what is left widens them, best first.
     */
    private void addPassages(Draft draft, IndexState state, List<RetrievedPassage> bestFirst) {
        int widened = Math.min(RELEVANT_PASSAGES, bestFirst.size());
        bestFirst.subList(0, widened).forEach(p -> addRange(draft, state, range(p)));
        for (RetrievedPassage passage : bestFirst.subList(widened, bestFirst.size())) {
            EpisodeRecord episode = state.episode(passage.chunk().source());
            if (episode != null && !episode.lines().isEmpty()) {
                int first = indexAtOrAfter(episode.lines(), passage.chunk().lineStart());
                int last = indexAtOrAfter(episode.lines(), passage.chunk().lineEnd() + 1) - 1;
                if (first <= last) {
                    addSpan(draft, episode, first, last);
                }
            }
        }
        bestFirst.forEach(p -> addRange(draft, state, range(p)));
    }

    /** The lines chosen so far, per episode in the order the episodes came, and the tokens they take. */
    private final class Draft {
        final Map<String, Selection> selections = new LinkedHashMap<>();
        int used = wrapperTokens();

        /** The episode's selection so far, or a new empty one (not kept until {@link #keep}). */
        Selection selection(ContextAssembler assembler, EpisodeRecord episode) {
            Selection known = selections.get(episode.source());
            return known != null ? known : new Selection(episode, assembler.costs(episode));
        }

        void keep(Selection selection, int tokens) {
            selections.putIfAbsent(selection.episode.source(), selection);
            used += tokens;
        }

        /** The context of the lines chosen, each episode with an id when {@code ids}. */
        LlmContext context(boolean ids) {
            List<ContextBlock> blocks = new ArrayList<>();
            int n = 0;
            for (Selection selection : selections.values()) {
                n++;
                List<TranscriptLine> all = selection.episode.lines();
                List<TranscriptLine> lines = new ArrayList<>();
                for (int i = selection.lines.nextSetBit(0); i >= 0; i = selection.lines.nextSetBit(i + 1)) {
                    lines.add(all.get(i));
                }
                blocks.add(new ContextBlock(ids ? "E" + n : null, selection.episode, lines, lines.size() == all.size()));
            }
            return new LlmContext(blocks, used);
        }
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

    /** The tokens of an episode's block header and footer (with an id: the widest of them is counted). */
    private int headerTokens(EpisodeRecord episode) {
        synchronized (headers) {
            return headers.computeIfAbsent(episode.contentHash() + "/" + episode.source(), k -> headerTokensOf(episode));
        }
    }

    private int headerTokensOf(EpisodeRecord episode) {
        return tokens.applyAsInt(LlmContext.header(new ContextBlock("E99", episode, List.of(), false)))
                + tokens.applyAsInt("</episode>") + 2;
    }

    private int wrapperTokens() {
        return tokens.applyAsInt("<transcript>\n</transcript>") + 1;
    }
}
