package dev.episodebot.bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The pipeline a langchain4j tutorial builds, for comparison: all-MiniLM-L6-v2 (int8) loaded by its stock
 * class, documents split by {@code DocumentSplitters.recursive} into segments of about our chunk
 * size, embedded by {@code EmbeddingStoreIngestor} into an {@code InMemoryEmbeddingStore}, searched
 * by {@code EmbeddingStoreContentRetriever}. No cache, no lexical side, no change detection: every
 * start and every change re-embeds everything.
 */
public final class NaivePipeline {

    /** Segment size and overlap in characters (our bge chunks are about 200 characters, 50 overlapping). */
    static final int SEGMENT_CHARS = 200;
    static final int OVERLAP_CHARS = 50;

    private final DocumentSplitter splitter = DocumentSplitters.recursive(SEGMENT_CHARS, OVERLAP_CHARS);
    private final EmbeddingModel model;

    private NaivePipeline(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model the stock way (the ONNX file read from the jar). */
    public static NaivePipeline load(Executor executor) {
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
        model.embed("warm up");
        return new NaivePipeline(model);
    }

    public EmbeddingModel model() {
        return model;
    }

    /** A document as the naive pipeline reads it. */
    public static Document document(String fileName, String text) {
        return Document.from(text, Metadata.from("file_name", fileName));
    }

    /** The segments the naive pipeline makes of the documents (no embedding). */
    public List<TextSegment> split(List<Document> documents) {
        List<TextSegment> segments = new ArrayList<>();
        for (Document document : documents) {
            segments.addAll(splitter.split(document));
        }
        return segments;
    }

    /** Ingests documents into a new store, the tutorial way, through {@code model} (this pipeline's, maybe wrapped). */
    public InMemoryEmbeddingStore<TextSegment> ingest(List<Document> documents, EmbeddingModel model) {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        EmbeddingStoreIngestor.builder()
                .documentSplitter(splitter)
                .embeddingModel(model)
                .embeddingStore(store)
                .build()
                .ingest(documents);
        return store;
    }

    /**
     * A store of {@code segments} whose vectors are copies of {@code sample} taken in turn: the
     * size and search cost of the full store without embedding every segment.
     */
    public static InMemoryEmbeddingStore<TextSegment> filled(List<TextSegment> segments, List<float[]> sample) {
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            embeddings.add(Embedding.from(sample.get(i % sample.size()).clone()));
        }
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        store.addAll(embeddings, segments);
        return store;
    }

    /** The retriever over a store (30 candidates, as our dense side takes). */
    public ContentRetriever retriever(InMemoryEmbeddingStore<TextSegment> store, int maxResults) {
        return EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(model)
                .maxResults(maxResults)
                .build();
    }
}
