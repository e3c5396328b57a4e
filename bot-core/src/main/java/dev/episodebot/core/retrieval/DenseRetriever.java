package dev.episodebot.core.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The dense side: nearest chunks to the query's embedding in the index's {@code EmbeddingStore} ({@link DenseVectorStore}). */
final class DenseRetriever implements ContentRetriever {

    private final KnowledgeIndex index;
    private final QueryEmbedder embedder;
    private final int maxResults;

    DenseRetriever(KnowledgeIndex index, QueryEmbedder embedder, int maxResults) {
        this.index = index;
        this.embedder = embedder;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        if (index.isEmpty()) {
            return List.of();
        }
        Embedding embedding = Embedding.from(embedder.embed(query.text()));
        List<EmbeddingMatch<TextSegment>> matches = index.store()
                .search(EmbeddingSearchRequest.builder().queryEmbedding(embedding).maxResults(maxResults).build())
                .matches();
        List<Content> contents = new ArrayList<>(matches.size());
        for (EmbeddingMatch<TextSegment> match : matches) {
            // the store reports (cos + 1) / 2; keep the cosine
            double cosine = 2 * match.score() - 1;
            contents.add(Content.from(match.embedded(), Map.of(ContentMetadata.SCORE, cosine)));
        }
        return contents;
    }
}
