package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.embedding.LineVectors;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.RetrievedPassage;
import dev.episodebot.core.retrieval.WeightedTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the transcript lines that answer a question inside the retrieved passages, and judges
 * whether the episode covers the question at all, in named stages:
 *
 * <ol>
 *   <li>candidates: every line of the best passages, the lines around what the previous answer
 *       quoted (a follow-up), the episode's opening lines (a question about the episode itself);
 *   <li>{@link LineScorer}: each line scored by its own similarity, the question's terms it and its
 *       window hold, its answer type;
 *   <li>{@link PassageReranker}: the passages re-ranked by their best line;
 *   <li>{@link AnswerLines}: which lines answer (the answer type decides the line), the items of a list;
 *   <li>{@link CoverageJudge}: whether the evidence states what is asked.
 * </ol>
 */
public final class EvidenceFinder {

    /**
     * The thresholds of the covered / not covered judgement ({@link CoverageJudge}).
     *
     * @param lineCosine a line this close to the question means the episode covers it
     * @param lineCosineWithTerms a line this close also counts when the window holds {@code termShare} of the question's terms
     * @param termShare see above
     * @param coverage a window holding this share of the question's terms counts on its own
     * @param crossVocabulary for a question in another language than the knowledge: the share of its
     *     content words the knowledge must use (directly or translated)
     * @param crossLineCosine ... and the line similarity it needs as well
     * @param crossVocabularyWithTerms a smaller share of its words known also counts when the best window holds
     *     {@code crossTermShare} of what its translation asks about
     * @param crossTermShare see above
     * @param unstatedLineCosine a question asking about something the knowledge has no word for
     *     ({@link AskedAttribute#unstated}) needs a line this close
     */
    public record Thresholds(double lineCosine, double lineCosineWithTerms, double termShare, double coverage,
            double crossVocabulary, double crossLineCosine, double crossVocabularyWithTerms, double crossTermShare,
            double unstatedLineCosine) {

        /** Defaults chosen on the tuning questions (see README, "Evaluation"). */
        public static Thresholds defaults() {
            return new Thresholds(0.50, 0.42, 0.30, 0.60, 0.6, 0.40, 1.0 / 3, 0.5, 0.60);
        }

        /** These thresholds for a model whose cosines run {@code shift} higher than the one they were chosen on. */
        public Thresholds shiftedBy(double shift) {
            return new Thresholds(lineCosine + shift, lineCosineWithTerms + shift, termShare, coverage, crossVocabulary,
                    crossLineCosine + shift, crossVocabularyWithTerms, crossTermShare, unstatedLineCosine + shift);
        }
    }

    /** How many of the retrieved passages have their lines scored. */
    static final int PASSAGES_TO_SCAN = 8;
    /** Lines quoted before and after the answering line. */
    public static final int CONTEXT_BEFORE = 1;
    public static final int CONTEXT_AFTER = 2;
    /** The lines that open an episode (who hosts it, which channel). */
    static final int OPENING_LINES = 3;
    /** Episodes whose opening lines are candidates for a question about the episode. */
    static final int OPENING_EPISODES = 3;

    /** A capitalised word that does not start the question. */
    private static final Pattern INNER_NAME = Pattern.compile("(?<=[\\s,(])[A-Z][A-Za-z0-9]{2,}");

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceFinder.class);

    private final LineScorer scorer;
    private final CoverageJudge judge;

    public EvidenceFinder(Thresholds thresholds, LineVectors vectors) {
        this.scorer = new LineScorer(vectors);
        this.judge = new CoverageJudge(thresholds);
    }

    /**
     * @param index the index the passages come from (term statistics, whole transcripts)
     * @param question the question, analysed
     * @param plan its searches: the texts lines are compared with ({@link QueryPlan#evidenceQueries}), for a
     *     question in another language the share of its words the knowledge uses and its unstated
     *     attribute, the previous turn when it follows up on one
     * @param passages the retrieved passages, best first
     */
    Evidence find(IndexView index, QuestionAnalysis question, QueryPlan plan, List<RetrievedPassage> passages) {
        List<String> queries = plan.evidenceQueries();
        PreviousTurn previous = plan.previous();
        if (passages.isEmpty()) {
            return Evidence.none();
        }
        LexicalSearcher lexical = new LexicalSearcher(index);
        EpisodeLines episodes = EpisodeLines.of(index);
        TermMass mass = TermMass.of(queries, lexical, question.knowledge());
        int scan = Math.min(PASSAGES_TO_SCAN, passages.size());
        List<LineCandidate> candidates = candidates(index, question, passages, scan, previous, episodes);
        List<ScoredLine> scored = scorer.score(candidates, question, queries, mass, lexical, episodes);
        List<RetrievedPassage> reranked = PassageReranker.rerank(passages, scan, scored);

        List<ScoredLine> ranked = new ArrayList<>(scored);
        ranked.sort(Comparator.comparingDouble(ScoredLine::score).reversed());
        AnswerLines.Selection selection = AnswerLines.choose(ranked, question, episodes);
        double cosine = scored.stream().mapToDouble(ScoredLine::cosine).max().orElse(-1);
        double coverage = scored.stream().mapToDouble(ScoredLine::windowCoverage).max().orElse(0);
        double weakest = scored.stream().mapToDouble(ScoredLine::weakestPhrase).max().orElse(0);
        boolean typeHeld = !question.type().checkable() || selection.lines().stream().anyMatch(ScoredLine::typed);
        boolean openingAnswer = question.aboutEpisode() && !selection.lines().isEmpty()
                && opening(selection.lines().get(0), episodes);
        boolean unstatedPossessed = question.possessed().filter(p -> !p.statedTogether(lexical, episodes)).isPresent();
        CoverageJudge.Features features = new CoverageJudge.Features(question.crossLanguage(), cosine, coverage,
                weakest, mass.unknownShare(), unknownName(question, lexical), typeHeld, plan.vocabularyShare(), openingAnswer,
                !AskedAttribute.unstated(question.attribute()).isEmpty() || !plan.unstatedAttribute().isEmpty()
                        || unstatedPossessed);
        boolean covered = judge.covered(features);
        LOG.debug("coverage of [{}] (type {}, list {}, attribute {} {} {} stated {}): {} -> {}", question.text(),
                question.type(), question.list(), question.attribute(), plan.unstatedAttribute(), question.possessed(),
                !unstatedPossessed, features, covered);
        LOG.debug("queries {} lead {}", queries, selection.lines().isEmpty() ? "-" : selection.lines().get(0).line().text());
        return new Evidence(reranked, selection.lines(), selection.items(), coverage, cosine, covered, features);
    }

    /** Whether {@code line} is one of the first {@link #OPENING_LINES} lines of its episode. */
    static boolean opening(ScoredLine line, EpisodeLines episodes) {
        int at = episodes.indexOf(line.passage().chunk().source(), line.line().lineNumber());
        return at >= 0 && at < OPENING_LINES;
    }

    /** The candidate lines, each once (its best rank, its nearest anchor). */
    private static List<LineCandidate> candidates(IndexView index, QuestionAnalysis question,
            List<RetrievedPassage> passages, int scan, PreviousTurn previous, EpisodeLines episodes) {
        Map<String, LineCandidate> candidates = new LinkedHashMap<>();
        for (int p = 0; p < scan; p++) {
            RetrievedPassage passage = passages.get(p);
            for (TranscriptLine line : passage.chunk().lines()) {
                add(candidates, new LineCandidate(passage, line, p, Integer.MAX_VALUE, false));
            }
        }
        int extraRank = passages.size();
        if (previous != null) {
            for (PreviousTurn.LineRef anchor : previous.anchors()) {
                for (TranscriptLine line : episodes.window(anchor.source(), anchor.lineNumber(), LineScorer.ANCHOR_REACH,
                        LineScorer.ANCHOR_REACH)) {
                    RetrievedPassage passage = passageHolding(index, passages, anchor.source(), line.lineNumber());
                    if (passage != null) {
                        add(candidates, new LineCandidate(passage, line, extraRank,
                                Math.abs(line.lineNumber() - anchor.lineNumber()), false));
                    }
                }
            }
        }
        if (question.aboutEpisode()) {
            for (String source : openingSources(index, passages)) {
                List<TranscriptLine> lines = episodes.lines(source);
                for (TranscriptLine line : lines.subList(0, Math.min(OPENING_LINES, lines.size()))) {
                    RetrievedPassage passage = passageHolding(index, passages, source, line.lineNumber());
                    if (passage != null) {
                        add(candidates, new LineCandidate(passage, line, extraRank, Integer.MAX_VALUE, true));
                    }
                }
            }
        }
        return new ArrayList<>(candidates.values());
    }

    private static void add(Map<String, LineCandidate> candidates, LineCandidate candidate) {
        candidates.merge(candidate.key(), candidate, (a, b) -> new LineCandidate(a.passage(), a.line(),
                Math.min(a.rank(), b.rank()), Math.min(a.anchorDistance(), b.anchorDistance()), a.opening() || b.opening()));
    }

    /** The sources of the best passages (or the only episode), whose opening lines a question about the episode reads. */
    private static List<String> openingSources(IndexView index, List<RetrievedPassage> passages) {
        Set<String> sources = new LinkedHashSet<>();
        if (index.state().episodes().size() == 1) {
            sources.add(index.state().episodes().get(0).source());
        }
        for (RetrievedPassage passage : passages) {
            if (sources.size() >= OPENING_EPISODES) {
                break;
            }
            sources.add(passage.chunk().source());
        }
        return new ArrayList<>(sources);
    }

    /** A retrieved passage holding the line, else the first chunk of the index holding it (null when none). */
    private static RetrievedPassage passageHolding(IndexView index, List<RetrievedPassage> passages, String source,
            int lineNumber) {
        for (RetrievedPassage passage : passages) {
            Chunk chunk = passage.chunk();
            if (chunk.source().equals(source) && chunk.lineStart() <= lineNumber && chunk.lineEnd() >= lineNumber) {
                return passage;
            }
        }
        List<Integer> holding = index.state().chunksHolding(source, lineNumber);
        if (holding.isEmpty()) {
            return null;
        }
        int ordinal = holding.get(0);
        return new RetrievedPassage(index.state().chunks().get(ordinal), ordinal, Double.NaN, 0, passages.size(), 0);
    }

    /**
     * Whether the question names something the knowledge never mentions: in a Chinese question over
     * Chinese knowledge, a Latin-script word of three or more letters (ChatGPT, iPhone); in a question
     * in another language, a capitalised word inside it (Apple, Tesla — not its first word) the
     * knowledge does not use.
     */
    static boolean unknownName(QuestionAnalysis question, LexicalSearcher lexical) {
        if (question.knowledge() != Language.ZH) {
            return false;
        }
        if (question.crossLanguage()) {
            Matcher name = INNER_NAME.matcher(question.text());
            while (name.find()) {
                if (lexical.terms(name.group()).stream().allMatch(t -> lexical.idf(t) == 0)) {
                    return true;
                }
            }
            return false;
        }
        for (WeightedTerm term : question.terms()) {
            String t = term.term();
            if (t.length() >= 3 && !Language.isCjk(t.codePointAt(0)) && Character.isLetter(t.codePointAt(0))
                    && term.idf() == 0) {
                return true;
            }
        }
        return false;
    }
}
