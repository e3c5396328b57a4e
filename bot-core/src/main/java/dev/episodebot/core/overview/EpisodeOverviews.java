package dev.episodebot.core.overview;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Item;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Section;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.answer.Citations;
import dev.episodebot.core.answer.OverviewQuestions;
import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.index.SourceSummary;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.support.BoundedLruMap;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The episode at a glance, for users: {@code /outline}, {@code /summary}, {@code /search}, and the
 * answer to an overview question asked in free text ({@link #overview}). Outlines come from the
 * index ({@link OutlineDeriver}); with an LLM, section titles and the summary are the model's
 * ({@link LlmOutlineWriter}), the extractive ones whenever it fails.
 */
public final class EpisodeOverviews {

    /** Longest search term, in characters. */
    public static final int MAX_TERM_CHARS = 100;
    /** Search results a chat reply holds at most (ten a page). */
    public static final int MAX_CHAT_RESULTS = 200;
    /** A search result longer than this is shown around the match. */
    static final int RESULT_CHARS = 160;
    private static final int KEYWORDS_SHOWN = 12;
    private static final int NAMES_SHOWN = 12;

    private final KnowledgeBase knowledge;
    private final LlmOutlineWriter llm;
    private final Duration llmBudget;
    private final LineSearch search = new LineSearch();
    private final OutlineBuilder builder = new OutlineBuilder();
    private final Map<String, Outline> computed = new BoundedLruMap<>(64);

    /**
     * @param llm the LLM's titles and summaries, or null without an LLM
     * @param llmBudget the time the LLM may take for one reply
     */
    public EpisodeOverviews(KnowledgeBase knowledge, LlmOutlineWriter llm, Duration llmBudget) {
        this.knowledge = knowledge;
        this.llm = llm;
        this.llmBudget = llmBudget;
    }

    /** The reply to {@code /outline [episode]}. */
    public BotReply outline(BotRequest request) {
        try (IndexView view = knowledge.acquire()) { // the episode's lines stay readable while it is shown
            return outline(request, view.state());
        }
    }

    private BotReply outline(BotRequest request, IndexState state) {
        Language language = language(request);
        EpisodeChoice choice = EpisodeChoice.of(state, request.text());
        if (choice.chosen() == null) {
            return choose(choice, BotCommand.OUTLINE, request.text(), language);
        }
        EpisodeRecord episode = choice.chosen();
        Outline outline = outline(episode);
        Optional<LlmOutline> written = llm == null ? Optional.empty()
                : llm.write(episode, outline, language, llmBudget);
        BotReply.Builder reply = BotReply.builder(ReplyKind.OUTLINE, language)
                .lead(Catalog.text(language, UiText.OUTLINE_LEAD, title(state, episode), outline.sections().size()));
        if (llm != null && written.isEmpty()) {
            reply.note(Catalog.text(language, UiText.OVERVIEW_LLM_UNAVAILABLE));
        }
        List<OutlineSection> sections = outline.sections();
        for (int s = 0; s < sections.size(); s++) {
            OutlineSection section = sections.get(s);
            int index = s;
            String title = written.map(w -> index < w.titles().size() ? w.titles().get(index) : null)
                    .orElse(null);
            int citation = reply.cite(citation(episode, section.lineStart(), section.lineEnd(),
                    String.join("\n", section.keyLines().stream().map(Outline.KeyLine::text).toList())));
            reply.section(new Section(Catalog.text(language, UiText.OUTLINE_SECTION, s + 1,
                    title != null ? title : section.title()),
                    section.keyLines().stream().map(Outline.KeyLine::text).toList(), citation));
        }
        return reply.build();
    }

    /** The reply to {@code /summary [episode]}. */
    public BotReply summary(BotRequest request) {
        Language language = language(request);
        try (IndexView view = knowledge.acquire()) {
            IndexState state = view.state();
            EpisodeChoice choice = EpisodeChoice.of(state, request.text());
            if (choice.chosen() == null) {
                return choose(choice, BotCommand.SUMMARY, request.text(), language);
            }
            return summaryReply(state, choice.chosen(), language, ReplyKind.OUTLINE, UiText.SUMMARY_LEAD);
        }
    }

    /**
     * The answer to a question about the episode as a whole (这期节目讲了什么, what is this episode
     * about), or empty when {@code question} is not one ({@link OverviewQuestions}): its summary,
     * framed in the asker's language, with a pointer to {@code /outline}.
     */
    public Optional<Answer> overview(String question, IndexView view) {
        IndexState state = view.state();
        if (state.isEmpty()) {
            return Optional.empty();
        }
        LexicalSearcher lexical = new LexicalSearcher(view);
        if (!OverviewQuestions.isOverview(question, lexical::queryTerms)) {
            return Optional.empty();
        }
        Language language = Language.detect(question);
        if (state.episodes().size() != 1) {
            return Optional.of(new Answer(choose(EpisodeChoice.of(state, ""), BotCommand.SUMMARY, "", language),
                    List.of(), question));
        }
        return Optional.of(new Answer(summaryReply(state, state.episodes().get(0), language, ReplyKind.ANSWER,
                UiText.OVERVIEW_LEAD), List.of(), question));
    }

    private BotReply summaryReply(IndexState state, EpisodeRecord episode, Language language, ReplyKind kind,
            UiText lead) {
        Outline outline = outline(episode);
        String title = title(state, episode);
        Optional<LlmOutline> written = llm == null ? Optional.empty()
                : llm.write(episode, outline, language, llmBudget);
        BotReply.Builder reply = BotReply.builder(kind, language);
        if (written.isPresent()) {
            reply.lead(Catalog.text(language, UiText.SUMMARY_LLM_LEAD, title) + "\n\n" + written.get().summary()
                    + "\n\n" + Catalog.text(language, UiText.SUMMARY_SOURCES));
        } else {
            if (llm != null) {
                reply.note(Catalog.text(language, UiText.OVERVIEW_LLM_UNAVAILABLE));
            }
            reply.lead(Catalog.text(language, lead, title));
        }
        for (Outline.KeyLine line : outline.summary()) {
            Citation citation = citation(episode, line.line(), line.line(), line.text());
            int quote = reply.quote(citation, List.of(line.text()), 0);
            reply.item(new Item(line.text(), quote, reply.citationOf(quote)));
        }
        List<String> keywords = keywords(outline);
        if (!keywords.isEmpty()) {
            reply.section(new Section(Catalog.text(language, UiText.SUMMARY_KEYWORDS),
                    List.of(String.join(Catalog.text(language, UiText.LIST_SEPARATOR), keywords)), -1));
        }
        List<String> names = outline.names().subList(0, Math.min(NAMES_SHOWN, outline.names().size()));
        if (!names.isEmpty()) {
            reply.section(new Section(Catalog.text(language, UiText.SUMMARY_NAMES),
                    List.of(String.join(Catalog.text(language, UiText.LIST_SEPARATOR), names)), -1));
        }
        reply.section(new Section(Catalog.text(language, UiText.SUMMARY_OUTLINE_HEADING),
                List.of(Catalog.text(language, UiText.SUMMARY_OUTLINE_HINT)), -1));
        return reply.build();
    }

    /** The reply to {@code /search TERM}: every line that contains it, ten a page, at most {@value #MAX_CHAT_RESULTS}. */
    public BotReply search(BotRequest request) {
        Language language = language(request);
        String term = request.text().strip();
        if (term.isEmpty()) {
            return BotReply.refusal(Catalog.text(language, UiText.SEARCH_EMPTY), language);
        }
        if (term.codePointCount(0, term.length()) > MAX_TERM_CHARS) {
            return BotReply.refusal(Catalog.text(language, UiText.SEARCH_TOO_LONG, MAX_TERM_CHARS), language);
        }
        try (IndexView view = knowledge.acquire()) { // the lines found stay readable while the reply is made
            return searchReply(view.state(), term, language);
        }
    }

    private BotReply searchReply(IndexState state, String term, Language language) {
        LineSearch.Result result = search.find(state, term, MAX_CHAT_RESULTS);
        if (result.total() == 0) {
            return BotReply.builder(ReplyKind.SEARCH, language).grounded(false)
                    .lead(Catalog.text(language, UiText.SEARCH_NO_MATCH, term)).build();
        }
        BotReply.Builder reply = BotReply.builder(ReplyKind.SEARCH, language)
                .lead(Catalog.text(language, UiText.SEARCH_LEAD, result.total(), term));
        if (result.total() > result.hits().size()) {
            reply.note(Catalog.text(language, UiText.SEARCH_TRUNCATED, result.hits().size()));
        }
        for (LineSearch.Hit hit : result.hits()) {
            String shown = around(hit.line().text().strip(), term);
            Citation citation = citation(hit.episode(), hit.line().lineNumber(), hit.line().lineNumber(),
                    hit.line().text());
            int quote = reply.quote(citation, List.of(shown), 0);
            reply.item(new Item(shown, quote, reply.citationOf(quote)));
        }
        return reply.build();
    }

    /** Every line that contains {@code term} (no limit), for the CLI's {@code search}. */
    public List<SearchHit> searchAll(String term) {
        List<SearchHit> out = new ArrayList<>();
        try (IndexView view = knowledge.acquire()) {
            for (LineSearch.Hit hit : search.find(view.state(), term, Integer.MAX_VALUE).hits()) {
                out.add(new SearchHit(citation(hit.episode(), hit.line().lineNumber(), hit.line().lineNumber(),
                        hit.line().text())));
            }
        }
        return out;
    }

    /** One line found by {@link #searchAll}: its citation (source, line, timecodes, link, the line as its quote). */
    public record SearchHit(Citation citation) {}

    /** The extractive outline of the episode an argument names (the CLI's {@code outline}); empty when it names none. */
    public Optional<Outline> outlineOf(String argument) {
        EpisodeChoice choice = EpisodeChoice.of(knowledge.index(), argument);
        return choice.chosen() == null ? Optional.empty() : Optional.of(outline(choice.chosen()));
    }

    /** The title shown for an outline's episode: its front-matter title, else its file name. */
    public String displayTitle(Outline outline) {
        IndexState state = knowledge.index();
        EpisodeRecord episode = state.episode(outline.source());
        return episode == null ? outline.source() : title(state, episode);
    }

    /** The episodes an argument could mean, when it names no single one (the CLI lists them). */
    public List<SourceSummary> candidates(String argument) {
        return EpisodeChoice.of(knowledge.index(), argument).candidates();
    }

    /** The outline the index holds for the episode, or one computed now (without vectors) when it holds none. */
    Outline outline(EpisodeRecord episode) {
        Optional<Outline> stored = episode.derived(OutlineDeriver.NAME).flatMap(OutlineCodec::decode);
        if (stored.isPresent()) {
            return stored.get();
        }
        synchronized (computed) {
            return computed.computeIfAbsent(episode.contentHash(), h -> builder.build(episode, List.of(), List.of()));
        }
    }

    /**
     * Keywords shown: the outline's (recurring, not everyday words), ranked by how often the episode
     * uses them times how rare their terms are across the whole knowledge (BM25 idf over every
     * episode's chunks), each once (none inside another).
     */
    public List<String> keywords(Outline outline) {
        List<Outline.Keyword> ranked = new ArrayList<>(outline.keywords());
        try (IndexView view = knowledge.acquire()) {
            LexicalSearcher lexical = new LexicalSearcher(view);
            double max = Math.max(1e-9, lexical.maxIdf());
            Map<String, Double> rarity = new java.util.HashMap<>();
            for (Outline.Keyword k : ranked) {
                double idf = lexical.terms(k.text()).stream().mapToDouble(lexical::idf).average().orElse(0);
                rarity.put(k.text(), idf / max);
            }
            ranked.sort(java.util.Comparator.comparingDouble((Outline.Keyword k) -> -k.score() * (0.25 + rarity.get(k.text())))
                    .thenComparing(Outline.Keyword::text));
        }
        List<String> out = new ArrayList<>();
        for (Outline.Keyword k : ranked) {
            String folded = SearchText.fold(k.text());
            if (out.stream().map(SearchText::fold).anyMatch(o -> o.contains(folded) || folded.contains(o))) {
                continue;
            }
            out.add(k.text());
            if (out.size() == KEYWORDS_SHOWN) {
                break;
            }
        }
        return out;
    }

    private BotReply choose(EpisodeChoice choice, BotCommand command, String argument, Language language) {
        if (choice.candidates().isEmpty()) {
            return BotReply.of(ReplyKind.NOT_COVERED, Catalog.text(language, UiText.SOURCES_EMPTY), language);
        }
        BotReply.Builder reply = BotReply.builder(ReplyKind.INFO, language);
        String example = choice.candidates().get(0).title();
        String lead = Catalog.text(language, UiText.EPISODE_CHOOSE, choice.candidates().size(), command.word(), example);
        if (choice.unknown()) {
            lead = Catalog.text(language, UiText.EPISODE_UNKNOWN, argument.strip()) + "\n\n" + lead;
        }
        reply.lead(lead);
        for (SourceSummary s : choice.candidates().subList(0, Math.min(25, choice.candidates().size()))) {
            reply.item(Item.of(s.title().equals(s.source()) ? s.source() : s.title() + " (" + s.source() + ")"));
        }
        return reply.build();
    }

    /** A citation of lines {@code from..to} of the episode, with timecodes and a link to the moment when known. */
    private static Citation citation(EpisodeRecord episode, int from, int to, String quote) {
        List<TranscriptLine> lines = episode.lines().stream()
                .filter(l -> l.lineNumber() >= from && l.lineNumber() <= to).toList();
        Chunk span = new Chunk(episode.source(), episode.title(), episode.url(), lines, quote);
        Citation c = Citations.of(span, lines);
        return new Citation(c.source(), c.lineStart(), c.lineEnd(), c.start(), c.end(), c.url(), quote, c.title());
    }

    /** A long line shown around the term's first occurrence, with ellipses where it was cut. */
    static String around(String line, String term) {
        if (line.codePointCount(0, line.length()) <= RESULT_CHARS) {
            return line;
        }
        int at = Math.max(0, indexOfFolded(line, term));
        int from = Math.max(0, at - RESULT_CHARS / 3);
        int to = Math.min(line.length(), from + RESULT_CHARS);
        from = Math.max(0, Math.min(from, to - RESULT_CHARS));
        if (from > 0 && Character.isLowSurrogate(line.charAt(from))) {
            from--;
        }
        if (to < line.length() && Character.isLowSurrogate(line.charAt(to))) {
            to++;
        }
        return (from > 0 ? "…" : "") + line.substring(from, to).strip() + (to < line.length() ? "…" : "");
    }

    /** Where the term starts in the line (in the line's own characters), or -1. */
    private static int indexOfFolded(String line, String term) {
        String folded = SearchText.fold(term);
        for (int i = 0; i < line.length(); i++) {
            if (SearchText.fold(line.substring(i, Math.min(line.length(), i + term.length() + 8))).startsWith(folded)) {
                return i;
            }
        }
        return -1;
    }

    private static String title(IndexState state, EpisodeRecord episode) {
        return state.sources().stream().filter(s -> s.source().equals(episode.source())).map(SourceSummary::title)
                .findFirst().orElse(episode.source());
    }

    /**
     * The language to frame a command's reply in: the user's platform language when the platform
     * says it, else the language of the text (a search term, an episode title), English without one.
     */
    private static Language language(BotRequest request) {
        return request.locale() != null ? request.hintedLanguage() : request.replyLanguage();
    }
}
