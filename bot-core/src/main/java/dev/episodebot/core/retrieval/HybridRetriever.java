package dev.episodebot.core.retrieval;

import dev.episodebot.core.index.Alongside;
import dev.episodebot.core.index.IndexView;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one retrieval path: for each query variant (the question, its translation) the dense side
 * ({@link DenseSearcher}) and the lexical side ({@link LexicalSearcher}) each rank their best
 * chunks; langchain4j's {@link ReciprocalRankFuser} fuses the two lists of each variant, then the
 * variants' fused lists, as its {@code DefaultContentAggregator} does. The passages come back in
 * fused order with the fused score, and keep each side's best raw score for the answerer. A query's
 * lexical side runs on another core while this thread embeds it and searches the graph
 * ({@link IndexView#alongside}).
 */
public final class HybridRetriever {

    /** How many candidates each side contributes to the fusion. */
    static final int CANDIDATES = 30;
    /** The fuser's rank constant (its default). */
    private static final int RRF_K = 60;
    private static final String ORDINAL = "ordinal";
    /** A content's text: the chunk it stands for, by ordinal. */
    private static final String CHUNK = "chunk #";

    /** The best {@code k} passages for any of {@code queries} (the first is the user's own words). */
    public List<RetrievedPassage> retrieve(IndexView view, List<String> queries, int k) {
        return retrieve(view, queries, List.of(), k);
    }

    /**
     * The best {@code k} passages for {@code queries} (dense and lexical) and {@code denseOnly}
     * queries (dense side only: a question in another script than the knowledge, whose words the
     * lexical side cannot match, beside its translation).
     */
    public List<RetrievedPassage> retrieve(IndexView view, List<String> queries, List<String> denseOnly, int k) {
        if (view.isEmpty() || queries.isEmpty()) {
            return List.of();
        }
        DenseSearcher dense = new DenseSearcher(view);
        LexicalSearcher lexical = new LexicalSearcher(view);
        Ranked ranked = new Ranked();
        Map<String, List<List<Content>>> perQuery = new LinkedHashMap<>();
        for (String query : queries) {
            if (!perQuery.containsKey(query)) {
                // BM25 on another core while this thread embeds the query and searches the graph
                Alongside<List<ScoredChunk>> bm25 = view.alongside(() -> lexical.search(query, CANDIDATES));
                List<List<Content>> lists = new ArrayList<>();
                lists.add(ranked.dense(dense.search(view.state().queries().embed(query), CANDIDATES)));
                List<Content> lexicalHits = ranked.lexical(bm25.join());
                if (!lexicalHits.isEmpty()) {
                    lists.add(lexicalHits);
                }
                perQuery.put(query, lists);
            }
        }
        for (String query : denseOnly) {
            if (!perQuery.containsKey(query)) {
                perQuery.put(query, List.of(ranked.dense(dense.search(view.state().queries().embed(query), CANDIDATES))));
            }
        }
        List<List<Content>> variants = perQuery.values().stream().map(ReciprocalRankFuser::fuse).toList();
        List<Content> fused = ReciprocalRankFuser.fuse(variants, RRF_K);
        Map<Content, Double> scores = fusedScores(variants);
        List<RetrievedPassage> passages = new ArrayList<>(Math.min(k, fused.size()));
        for (int rank = 0; rank < fused.size() && passages.size() < k; rank++) {
            Content content = fused.get(rank);
            int ordinal = ordinalOf(content);
            passages.add(new RetrievedPassage(view.state().chunks().get(ordinal), ordinal,
                    ranked.cosine.getOrDefault(ordinal, Double.NaN), ranked.bm25.getOrDefault(ordinal, 0.0), rank,
                    scores.get(content)));
        }
        return passages;
    }

    /** The score {@link ReciprocalRankFuser} ranks by: the sum of 1 / (k + rank) over the lists (ranks from 1). */
    private static Map<Content, Double> fusedScores(Collection<List<Content>> lists) {
        Map<Content, Double> scores = new HashMap<>();
        for (List<Content> list : lists) {
            for (int i = 0; i < list.size(); i++) {
                scores.merge(list.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
            }
        }
        return scores;
    }

    private static int ordinalOf(Content content) {
        return content.textSegment().metadata().getInteger(ORDINAL);
    }

    /**
     * One {@link Content} per chunk, named by its ordinal (so the fuser matches a chunk across lists), and
     * each side's best score.
     */
    private static final class Ranked {
        private final Map<Integer, Content> contents = new HashMap<>();
        final Map<Integer, Double> cosine = new HashMap<>();
        final Map<Integer, Double> bm25 = new HashMap<>();

        List<Content> dense(List<ScoredChunk> hits) {
            return contents(hits, cosine);
        }

        List<Content> lexical(List<ScoredChunk> hits) {
            return contents(hits, bm25);
        }

        private List<Content> contents(List<ScoredChunk> hits, Map<Integer, Double> best) {
            List<Content> list = new ArrayList<>(hits.size());
            for (ScoredChunk hit : hits) {
                best.merge(hit.ordinal(), hit.score(), Math::max);
                // the fuser only compares contents: a chunk's ordinal stands for it, so its text (read from
                // the index when not cached) is read for the passages kept, not for every candidate
                list.add(contents.computeIfAbsent(hit.ordinal(), ordinal -> Content.from(TextSegment.from(
                        CHUNK + ordinal, new Metadata().put(ORDINAL, ordinal)))));
            }
            return list;
        }
    }
}
