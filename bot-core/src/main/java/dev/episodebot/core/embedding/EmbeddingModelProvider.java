package dev.episodebot.core.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;

/** Creates the embedding model once its spec is known (tests wrap it to count calls). */
@FunctionalInterface
public interface EmbeddingModelProvider {

    EmbeddingModel create(EmbeddingModelSpec spec);
}
