package dev.episodebot.core.answer;

import dev.episodebot.core.config.EmbeddingModelChoice;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.KnowledgeReader;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A one-episode knowledge base indexed with hashing embeddings, and a view of it (for tests of answer stages). */
final class IndexedEpisode implements AutoCloseable {

    private final KnowledgeBase knowledge;
    private final IndexView view;

    private IndexedEpisode(KnowledgeBase knowledge, IndexView view) {
        this.knowledge = knowledge;
        this.view = view;
    }

    /** Indexes {@code transcript} as {@code episode.txt} under {@code temp}. */
    static IndexedEpisode of(Path temp, String transcript) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("knowledge"));
        Files.writeString(dir.resolve("episode.txt"), transcript, StandardCharsets.UTF_8);
        HashingEmbeddingModel model = new HashingEmbeddingModel(512);
        KnowledgeBase knowledge = new KnowledgeBase(dir, temp.resolve("cache"), EmbeddingModelChoice.AUTO,
                new KnowledgeLoader(new KnowledgeReader(10_000_000)), spec -> model, List.of());
        knowledge.refresh(IndexingListener.none());
        return new IndexedEpisode(knowledge, knowledge.acquire());
    }

    IndexView view() {
        return view;
    }

    @Override
    public void close() throws Exception {
        view.close();
        knowledge.close();
    }
}
