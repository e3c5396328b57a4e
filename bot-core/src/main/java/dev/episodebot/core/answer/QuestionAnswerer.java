package dev.episodebot.core.answer;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.llm.LlmAnswerer;
import dev.episodebot.core.llm.LlmQueryRewriter;
import dev.episodebot.core.llm.LlmReply;
import dev.episodebot.core.llm.LlmUnavailableException;
import dev.episodebot.core.embedding.EmbeddingModels;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.index.SourceSummary;
import dev.episodebot.core.retrieval.HybridRetriever;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answering pipeline: prepare the question (condense a follow-up and translate it when an LLM
 * is configured; otherwise translate English questions over Chinese knowledge with the offline
 * dictionary), retrieve with every query variant fused, find the evidence lines, and answer —
 * extractively, or through the LLM with the extractive answer as the fallback. The whole LLM part
 * of one question stays within {@code LLM_TIMEOUT}.
 */
public final class QuestionAnswerer {

    /** How many passages an answer keeps (and the LLM sees). */
    public static final int PASSAGES = 5;
    /** How many candidates retrieval returns for the line-level rerank. */
    static final int CANDIDATES = 5;
    /** A passage marker in the LLM's answer, {@code [2]}. */
    private static final Pattern CITATION_MARKER = Pattern.compile("\\[(\\d{1,2})]");

    private final KnowledgeBase knowledge;
    private final EvidenceFinder.Thresholds thresholds;
    private final QueryTranslator dictionary;
    private final ExtractiveAnswerer extractive = new ExtractiveAnswerer();
    private final LlmQueryRewriter rewriter;
    private final LlmAnswerer llm;
    private final Duration llmBudget;

    /**
     * @param rewriter null without an LLM
     * @param llm null without an LLM
     * @param llmBudget the LLM time budget of one question
     */
    public QuestionAnswerer(KnowledgeBase knowledge, EvidenceFinder.Thresholds thresholds, QueryTranslator dictionary,
            LlmQueryRewriter rewriter, LlmAnswerer llm, Duration llmBudget) {
        this.knowledge = knowledge;
        this.thresholds = thresholds;
        this.dictionary = dictionary;
        this.rewriter = rewriter;
        this.llm = llm;
        this.llmBudget = llmBudget;
    }

    public boolean usesLlm() {
        return llm != null;
    }

    /**
     * Answers one question.
     *
     * @param question the user's text, already cleaned
     * @param history earlier turns of this conversation ("User: ..." / "Bot: ..."), oldest first
     */
    public Answer answer(String question, List<String> history) {
        try (IndexView index = knowledge.acquire()) {
            return answer(question, history, index);
        }
    }

    /** Answers from one point in time of the index (the question's view of it). */
    private Answer answer(String question, List<String> history, IndexView index) {
        Language language = Language.detect(question);
        if (index.isEmpty()) {
            return ExtractiveAnswerer.noKnowledge(language, question);
        }
        boolean knowledgeCjk = index.state().language() == Language.ZH;
        boolean crossScript = (language == Language.ZH) != knowledgeCjk;
        // the LLM budget counts time spent in LLM calls only; retrieval in between does not use it up
        Duration llmLeft = llmBudget;

        String standalone = question;
        String translation = null;
        if (rewriter != null && (!history.isEmpty() || crossScript)) {
            Instant rewriteStart = Instant.now();
            try {
                LlmQueryRewriter.Rewrite rewrite = rewriter.rewrite(question, history,
                        crossScript ? (knowledgeCjk ? "Simplified Chinese" : "English") : null,
                        llmBudget.dividedBy(2));
                standalone = rewrite.standalone();
                translation = rewrite.translation();
            } catch (LlmUnavailableException e) {
                // the answer step falls back too; retrieval goes on with the user's own words
            }
            llmLeft = llmBudget.minus(Duration.between(rewriteStart, Instant.now()));
        }

        QuestionAnalysis analysis = QuestionAnalysis.of(standalone, index, dictionary);
        language = analysis.language();
        QueryPlan plan = translation != null
                ? QueryPlan.translated(analysis, translation)
                : QueryPlan.of(analysis, index, dictionary, rewriter == null ? followedUp(analysis, history, index) : null);

        List<RetrievedPassage> candidates = new HybridRetriever().retrieve(index, plan.queries(), plan.denseOnly(),
                CANDIDATES);
        Evidence evidence = new EvidenceFinder(thresholds.shiftedBy(EmbeddingModels.cosineShift(index.state().model())),
                index.state().lineVectors())
                .find(index, analysis, plan.evidenceQueries(), candidates, plan.vocabularyShare(), plan.previous());
        List<RetrievedPassage> passages = evidence.passages().subList(0, Math.min(PASSAGES, evidence.passages().size()));
        List<String> titles = index.state().sources().stream().map(SourceSummary::title).distinct().toList();
        Answer fallback = extractive.answer(evidence, language, titles, standalone, EpisodeLines.of(index));
        if (llm == null) {
            return fallback;
        }
        try {
            LlmReply reply = llm.answer(standalone, language, passages, llmLeft);
            if (!reply.covered()) {
                return ExtractiveAnswerer.notCovered(language, titles, passages, standalone);
            }
            if (reply.cited().isEmpty()) {
                // no valid [n] into the passages it was given: not shown as sourced, the quotes go out instead
                return fallback.withNote(Messages.llmUnsourcedNote(language));
            }
            return new Answer(llmReply(reply, language, passages, evidence), passages, standalone);
        } catch (LlmUnavailableException e) {
            return fallback.withNote(Messages.llmFallbackNote(language));
        }
    }

    /**
     * The previous turn a question follows up on, without an LLM: when the conversation has one and
     * the question refers back to it (他, 这笔钱, it, the deal) or is too short to stand alone.
     */
    static PreviousTurn followedUp(QuestionAnalysis question, List<String> history, IndexView index) {
        if (history.isEmpty() || !(question.refersBack() || isShort(question.text(), question.language()))) {
            return null;
        }
        return PreviousTurn.of(history, index);
    }

    /**
     * The LLM's answer as the lead, its {@code [n]} passage markers renumbered to the reply's
     * citations; each cited passage quoted by its best evidence line (marked, with context) or, when
     * the evidence has no line in it, by its opening lines.
     */
    private static BotReply llmReply(LlmReply reply, Language language,
            List<RetrievedPassage> passages, Evidence evidence) {
        BotReply.Builder out = BotReply.builder(ReplyKind.ANSWER, language);
        Map<Integer, Integer> citationOfPassage = new HashMap<>();
        List<Integer> cited = reply.cited(); // never empty here: an unsourced answer fell back before
        for (int i : cited) {
            RetrievedPassage passage = passages.get(i);
            ScoredLine best = bestLineIn(passage, evidence);
            int quote;
            if (best != null) {
                quote = ExtractiveAnswerer.quote(out, best);
            } else {
                var lines = passage.chunk().lines().subList(0, Math.min(3, passage.chunk().lines().size()));
                Citation citation = Citations.of(passage.chunk(), lines);
                quote = out.quote(citation, List.of(citation.quote().split("\n")), -1);
            }
            citationOfPassage.put(i, out.citationOf(quote));
        }
        Matcher marker = CITATION_MARKER.matcher(reply.text());
        StringBuilder lead = new StringBuilder();
        while (marker.find()) {
            Integer citation = citationOfPassage.get(Integer.parseInt(marker.group(1)) - 1);
            marker.appendReplacement(lead, citation == null ? "" : "[" + (citation + 1) + "]");
        }
        marker.appendTail(lead);
        return out.lead(lead.toString().strip()).build();
    }

    /** The best evidence line inside {@code passage}, or null. */
    private static ScoredLine bestLineIn(RetrievedPassage passage, Evidence evidence) {
        for (ScoredLine line : evidence.lines()) {
            if (line.passage().ordinal() == passage.ordinal()) {
                return line;
            }
        }
        return null;
    }

    private static boolean isShort(String question, Language language) {
        return language == Language.ZH ? question.codePointCount(0, question.length()) <= 12
                : question.split("\\s+").length <= 6;
    }
}
