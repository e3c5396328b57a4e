package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyProgress;
import dev.episodebot.core.llm.ContextAssembler;
import dev.episodebot.core.llm.LlmQueryRewriter;
import dev.episodebot.core.llm.LlmUnavailableException;
import dev.episodebot.core.embedding.EmbeddingModels;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.index.SourceSummary;
import dev.episodebot.core.retrieval.HybridRetriever;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.RetrievedPassage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

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

    private final KnowledgeBase knowledge;
    private final EvidenceFinder.Thresholds thresholds;
    private final QueryTranslator dictionary;
    private final ExtractiveAnswerer extractive = new ExtractiveAnswerer();
    private final LlmQueryRewriter rewriter;
    private final LlmStep llm;
    private final Duration llmBudget;
    private final BiFunction<String, IndexView, Optional<Answer>> wholeEpisode;

    /**
     * @param rewriter null without an LLM
     * @param llm the LLM step ({@link LlmAnswers}); null without an LLM
     * @param llmBudget the LLM time budget of one question
     */
    public QuestionAnswerer(KnowledgeBase knowledge, EvidenceFinder.Thresholds thresholds, QueryTranslator dictionary,
            LlmQueryRewriter rewriter, LlmStep llm, Duration llmBudget) {
        this(knowledge, thresholds, dictionary, rewriter, llm, llmBudget, (question, index) -> Optional.empty());
    }

    /**
     * @param wholeEpisode answers a question about the episode as a whole (its summary), or gives
     *     empty for any other question
     */
    public QuestionAnswerer(KnowledgeBase knowledge, EvidenceFinder.Thresholds thresholds, QueryTranslator dictionary,
            LlmQueryRewriter rewriter, LlmStep llm, Duration llmBudget,
            BiFunction<String, IndexView, Optional<Answer>> wholeEpisode) {
        this.wholeEpisode = wholeEpisode;
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
        return answer(question, history, ReplyProgress.NONE);
    }

    /**
     * Answers one question, showing drafts of a streamed LLM answer to {@code progress}.
     *
     * @param question the user's text, already cleaned
     * @param history earlier turns of this conversation ("User: ..." / "Bot: ..."), oldest first
     */
    public Answer answer(String question, List<String> history, ReplyProgress progress) {
        try (IndexView index = knowledge.acquire()) {
            return answer(question, history, index, progress);
        }
    }

    /**
     * The same pipeline without any LLM call: no rewriting, and {@code step} (which must call no
     * model either, e.g. one that only assembles the context, for {@code eval --llm-context}) in
     * place of the LLM step.
     */
    public QuestionAnswerer offlineWith(LlmStep step) {
        return new QuestionAnswerer(knowledge, thresholds, dictionary, null, step, llmBudget);
    }

    /** Answers from one point in time of the index (the question's view of it). */
    private Answer answer(String question, List<String> history, IndexView index, ReplyProgress progress) {
        Language language = Language.detect(question);
        if (index.isEmpty()) {
            return ExtractiveAnswerer.noKnowledge(language, question);
        }
        Optional<Answer> overview = wholeEpisode.apply(question, index);
        // with several episodes the overview's answer can only ask which one is meant; an LLM reads
        // every episode's catalogue instead, and that question is its fallback
        if (overview.isPresent() && (llm == null || index.state().episodes().size() == 1)) {
            return overview.get();
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

        // the LLM step chooses its context from more passages than the line-level rerank reads
        List<RetrievedPassage> retrieved = new HybridRetriever().retrieve(index, plan.queries(), plan.denseOnly(),
                llm == null ? CANDIDATES : Math.max(CANDIDATES, LlmStep.CANDIDATES));
        List<RetrievedPassage> candidates = retrieved.subList(0, Math.min(CANDIDATES, retrieved.size()));
        Evidence evidence = new EvidenceFinder(thresholds.shiftedBy(EmbeddingModels.cosineShift(index.state().model())),
                index.state().lineVectors())
                .find(index, analysis, plan, candidates);
        List<RetrievedPassage> passages = evidence.passages().subList(0, Math.min(PASSAGES, evidence.passages().size()));
        List<String> titles = index.state().sources().stream().map(SourceSummary::title).distinct().toList();
        Answer fallback = overview.isPresent() ? overview.get()
                : extractive.answer(evidence, language, titles, standalone, EpisodeLines.of(index));
        if (llm == null) {
            return fallback;
        }
        List<RetrievedPassage> ranked = new ArrayList<>(evidence.passages());
        retrieved.stream().filter(p -> ranked.stream().noneMatch(r -> r.ordinal() == p.ordinal())).forEach(ranked::add);
        ContextAssembler.Scope scope = overview.isPresent()
                || OverviewQuestions.isOverview(standalone, new LexicalSearcher(index)::queryTerms)
                ? ContextAssembler.Scope.WHOLE_EPISODE
                : analysis.aboutEpisode() ? ContextAssembler.Scope.EPISODE : ContextAssembler.Scope.CONTENT;
        return llm.answer(new LlmQuestion(standalone, language, index.state(), ranked, scope, passages, titles,
                fallback), llmLeft, progress);
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

    private static boolean isShort(String question, Language language) {
        return language == Language.ZH ? question.codePointCount(0, question.length()) <= 12
                : question.split("\\s+").length <= 6;
    }
}
