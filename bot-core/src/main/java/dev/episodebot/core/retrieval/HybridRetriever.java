package dev.episodebot.core.retrieval;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.aggregator.ContentAggregator;
import dev.langchain4j.rag.content.aggregator.DefaultContentAggregator;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense + lexical retrieval for one or more query variants (the question, its translation),
 * fused by langchain4j's {@link DefaultContentAggregator} (reciprocal rank fusion per query, then
 * across queries). Each passage keeps the raw scores, which the answerer uses to judge evidence.
 */
public final class HybridRetriever {

    /** How many candidates each side contributes to the fusion. */
    static final int CANDIDATES = 30;

    private final QueryEmbedder embedder;
    private final ContentAggregator aggregator = new DefaultContentAggregator();

    public HybridRetriever(QueryEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The best {@code k} passages for any of {@code queries} (the first is the user's own words). */
    public List<RetrievedPassage> retrieve(KnowledgeIndex index, List<String> queries, int k) {
        return retrieve(index, queries, List.of(), k);
    }

    /**
     * The best {@code k} passages for {@code queries} (dense and lexical) and {@code denseOnly}
     * queries (dense side only: a question in another script than the knowledge, whose words the
     * lexical side cannot match, beside its translation).
     */
    public List<RetrievedPassage> retrieve(KnowledgeIndex index, List<String> queries, List<String> denseOnly, int k) {
        if (index.isEmpty() || queries.isEmpty()) {
            return List.of();
        }
        DenseRetriever dense = new DenseRetriever(index, embedder, CANDIDATES);
        LexicalRetriever lexical = new LexicalRetriever(index, CANDIDATES);
        Map<Query, java.util.Collection<List<Content>>> perQuery = new LinkedHashMap<>();
        Map<Integer, Double> cosine = new HashMap<>();
        Map<Integer, Double> bm25 = new HashMap<>();
        Map<Integer, Double> rrf = new HashMap<>();
        for (String text : queries) {
            Query query = Query.from(text);
            List<Content> denseHits = dense.retrieve(query);
            List<Content> lexicalHits = lexical.retrieve(query);
            record(denseHits, cosine, rrf);
            record(lexicalHits, bm25, rrf);
            List<List<Content>> lists = new ArrayList<>();
            lists.add(denseHits);
            if (!lexicalHits.isEmpty()) {
                lists.add(lexicalHits);
            }
            perQuery.merge(query, lists, (a, b) -> a);
        }
        for (String text : denseOnly) {
            Query query = Query.from(text);
            List<Content> denseHits = dense.retrieve(query);
            record(denseHits, cosine, rrf);
            perQuery.putIfAbsent(query, List.of(denseHits));
        }
        List<Content> fused = aggregator.aggregate(perQuery);
        List<RetrievedPassage> passages = new ArrayList<>(Math.min(k, fused.size()));
        for (int rank = 0; rank < fused.size() && passages.size() < k; rank++) {
            int ordinal = KnowledgeIndex.ordinalOf(fused.get(rank).textSegment());
            passages.add(new RetrievedPassage(index.chunks().get(ordinal), ordinal,
                    cosine.getOrDefault(ordinal, Double.NaN), bm25.getOrDefault(ordinal, 0.0), rank,
                    rrf.getOrDefault(ordinal, 0.0)));
        }
        return passages;
    }

    private static void record(List<Content> contents, Map<Integer, Double> best, Map<Integer, Double> rrf) {
        for (int rank = 0; rank < contents.size(); rank++) {
            Content content = contents.get(rank);
            int ordinal = KnowledgeIndex.ordinalOf(content.textSegment());
            rrf.merge(ordinal, 1.0 / (60 + rank + 1), Double::sum);
            double score = ((Number) content.metadata().get(ContentMetadata.SCORE)).doubleValue();
            best.merge(ordinal, score, Math::max);
        }
    }
}
