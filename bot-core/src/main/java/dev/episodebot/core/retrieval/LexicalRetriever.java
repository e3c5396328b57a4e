package dev.episodebot.core.retrieval;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lexical side: BM25 over the index's Lucene chunks. */
final class LexicalRetriever implements ContentRetriever {

    private final KnowledgeIndex index;
    private final int maxResults;

    LexicalRetriever(KnowledgeIndex index, int maxResults) {
        this.index = index;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        List<LexicalIndex.Hit> hits = index.lexical().search(query.text(), maxResults);
        List<Content> contents = new ArrayList<>(hits.size());
        for (LexicalIndex.Hit hit : hits) {
            contents.add(Content.from(index.segment(hit.ordinal()), Map.of(ContentMetadata.SCORE, (double) hit.score())));
        }
        return contents;
    }
}
