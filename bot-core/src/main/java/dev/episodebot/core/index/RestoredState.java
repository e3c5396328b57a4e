package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.KnowledgeFileRef;
import dev.episodebot.core.knowledge.LoadedFile;
import dev.episodebot.core.knowledge.Transcript;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.support.OnDemandList;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the index holds at a start, as a state: every stored episode version with the size, time and
 * byte hash of the file it was read from ({@link FileStamp}), and its lines and chunks left in the
 * index. The first refresh takes it as its previous state, so the loader skips the files whose size
 * and time are as recorded and the builder keeps their episodes without reading, parsing or
 * chunking anything; it is retired once that refresh published its own state. It is never served.
 */
final class RestoredState {

    private RestoredState() {}

    /** The store's episodes as a state (an empty one when it holds none), or null when its language is unknown. */
    static IndexState of(IndexStore store, Path knowledgeDir) throws IOException {
        KnowledgeLanguage.Sample language = store.committedLanguage();
        if (language == null || store.stored().isEmpty()) {
            return null;
        }
        Map<String, Integer> versions = new HashMap<>();
        store.stored().values().forEach(e -> versions.merge(e.source(), 1, Integer::sum));
        List<IndexState.Episode> episodes = new ArrayList<>(versions.size());
        List<IndexStore.StoredEpisode> inFolderOrder = new ArrayList<>(store.stored().values());
        inFolderOrder.sort(Comparator.comparing(IndexStore.StoredEpisode::source)); // as the scanner lists files
        for (IndexStore.StoredEpisode e : inFolderOrder) {
            if (versions.get(e.source()) > 1 || e.file().bytesHash() == null) {
                continue; // two versions of one source: neither is trusted unread (the file is read and compared)
            }
            // placeholders of the right size: the state binds lines and chunks to its own reader
            List<TranscriptLine> lines = new OnDemandList<>(e.lines(), unbound());
            List<Chunk> chunks = new OnDemandList<>(e.chunks(), unbound());
            KnowledgeFileRef ref = new KnowledgeFileRef(knowledgeDir.resolve(e.source()), e.source(), e.file().size(),
                    e.file().modifiedMillis());
            LoadedFile file = new LoadedFile(ref, new Transcript(e.source(), e.title(), e.url(), lines), null,
                    e.file().bytesHash());
            EpisodeRecord record = new EpisodeRecord(e.source(), e.title(), e.url(), e.contentHash(), lines, e.derived());
            episodes.add(new IndexState.Episode(file, record, e.id(), chunks));
        }
        return new IndexState(store.spec(), language, episodes, List.of(), Instant.now(), store.openReader(),
                new StoredEpisodes.Recent(), null, null);
    }

    private static <T> Supplier<List<T>> unbound() {
        return () -> {
            throw new IllegalStateException("read before the state bound it to its index");
        };
    }
}
