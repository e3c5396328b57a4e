package dev.episodebot.core.index;

import dev.episodebot.core.embedding.CachedLineVectors;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.embedding.LineVectors;
import dev.episodebot.core.embedding.QueryEmbedder;
import dev.episodebot.core.embedding.TokenCounter;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.LoadedFile;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the previous {@link IndexState} and the files as loaded now into the next state. Episodes
 * whose content did not change keep their chunks and documents; new and changed ones are chunked,
 * their chunk vectors taken from the store by key ({@link IndexStore#vectors}) or embedded (only
 * texts never seen), their derived values computed ({@link EpisodeDeriver}), and their documents
 * written; versions no longer served are deleted; then one commit, and the new state over a reader
 * of that commit.
 */
final class IndexBuilder {

    private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);
    /** Texts per model call: large enough that the executor's threads rarely wait for a batch's slowest text. */
    private static final int BATCH = 512;

    /** The new state, and how many chunk texts went through the model. */
    record Outcome(IndexState state, int embedded, int reused) {}

    private record Pending(int slot, LoadedFile file, EpisodeRecord record, long id, List<Chunk> chunks) {}

    private final EmbeddingModelSpec spec;
    private final Chunker chunker;
    private final Supplier<EmbeddingModel> model;
    private final List<EpisodeDeriver> derivers;
    private final QueryEmbedder queries;
    private final LineVectors lines;
    /** The lines and chunks read from the index, kept across the states this builder makes. */
    private final StoredEpisodes.Recent recent = new StoredEpisodes.Recent();

    IndexBuilder(EmbeddingModelSpec spec, Chunker chunker, Supplier<EmbeddingModel> model, List<EpisodeDeriver> derivers,
            QueryEmbedder queries, LineVectors lines) {
        this.spec = spec;
        this.chunker = chunker;
        this.model = model;
        this.derivers = List.copyOf(derivers);
        this.queries = queries;
        this.lines = lines;
    }

    /** The builder for a model: its chunker, query embedder and line vectors. */
    static IndexBuilder forModel(EmbeddingModelSpec spec, Supplier<EmbeddingModel> model, List<EpisodeDeriver> derivers) {
        QueryEmbedder queries = new QueryEmbedder(model, spec.queryPrefix());
        return new IndexBuilder(spec, new Chunker(spec.chunking(), new TokenCounter(spec), true), model, derivers,
                queries, new CachedLineVectors(model, queries));
    }

    /**
     * Builds the next state into {@code store}.
     *
     * @param previous the state served now (its episodes are reused while unchanged)
     * @param files every file found, read or skipped, in folder order
     */
    EmbeddingModelSpec spec() {
        return spec;
    }

    Outcome build(IndexState previous, List<LoadedFile> files, List<SkippedFile> skipped, KnowledgeLanguage.Sample language,
            IndexStore store, IndexingListener listener, Instant started) throws IOException {
        List<LoadedFile> readable = files.stream().filter(LoadedFile::ok).toList();
        IndexState.Episode[] slots = new IndexState.Episode[readable.size()];
        Pending[] pending = new Pending[readable.size()];
        Map<Long, IndexStore.StoredEpisode> stored = store.stored();
        IntStream.range(0, readable.size()).parallel().forEach(i -> {
            LoadedFile file = readable.get(i);
            IndexState.Episode before = previous.entry(file.ref().source());
            if (before != null && before.file().transcript() == file.transcript() && stored.containsKey(before.id())) {
                // the same content: its lines and chunks stay in the index, unread
                slots[i] = new IndexState.Episode(file, before.record(), before.id(), before.chunks());
                return;
            }
            EpisodeRecord record = EpisodeRecord.of(file);
            long id = episodeId(record);
            List<Chunk> chunks = chunker.chunk(file.transcript());
            IndexStore.StoredEpisode kept = stored.get(id);
            if (kept != null && kept.chunks() == chunks.size() && kept.contentHash().equals(record.contentHash())) {
                slots[i] = new IndexState.Episode(file, record.withDerived(kept.derived()), id, chunks);
            } else {
                pending[i] = new Pending(i, file, record, id, chunks);
            }
        });

        Set<Long> live = new HashSet<>();
        for (IndexState.Episode e : slots) {
            if (e != null) {
                live.add(e.id());
            }
        }
        boolean changed = false;
        for (Long id : new ArrayList<>(stored.keySet())) {
            if (!live.contains(id)) {
                store.delete(id);
                changed = true;
            }
        }
        List<Pending> toAdd = new ArrayList<>();
        for (Pending p : pending) {
            if (p != null) {
                toAdd.add(p);
            }
        }
        int embedded = addEpisodes(toAdd, slots, store, listener);
        changed |= !toAdd.isEmpty();
        changed |= deriveMissing(slots, store);
        changed |= restamp(slots, store);
        if (changed || !store.intact()) {
            store.commit(language);
        }
        List<IndexState.Episode> episodes = new ArrayList<>(slots.length);
        int chunks = 0;
        for (IndexState.Episode e : slots) {
            episodes.add(e);
            chunks += e.chunks().size();
        }
        IndexState state = new IndexState(spec, language, episodes, skipped, started, store.openReader(), recent, queries,
                lines);
        return new Outcome(state, embedded, chunks - embedded);
    }

    /**
     * Writes the new episode versions, group by group: the vectors of a group's chunk texts are taken
     * from the store or embedded, then its documents are added, so memory holds one group's vectors.
     *
     * @return how many texts were embedded
     */
    private int addEpisodes(List<Pending> toAdd, IndexState.Episode[] slots, IndexStore store, IndexingListener listener)
            throws IOException {
        int total = toAdd.stream().mapToInt(p -> p.chunks().size()).sum();
        int embedded = 0;
        int done = 0;
        int from = 0;
        while (from < toAdd.size()) {
            int to = from;
            int texts = 0;
            while (to < toAdd.size() && (texts == 0 || texts + toAdd.get(to).chunks().size() <= BATCH)) {
                texts += toAdd.get(to).chunks().size();
                to++;
            }
            List<Pending> group = toAdd.subList(from, to);
            Vectors vectors = vectorsOf(group, store);
            embedded += vectors.embedded();
            try {
                group.parallelStream().forEach(p -> {
                    List<String> keys = p.chunks().stream().map(c -> key(spec, c.text())).toList();
                    List<float[]> own = keys.stream().map(vectors.byKey()::get).toList();
                    EpisodeRecord record = derive(p.record(), p.chunks(), own);
                    slots[p.slot()] = new IndexState.Episode(p.file(), record, p.id(), p.chunks());
                    try {
                        FileStamp stamp = FileStamp.of(p.file());
                        store.add(p.id(), stored(p.id(), record, stamp, p.chunks().size()),
                                IndexFields.documents(p.id(), record, stamp, p.chunks(), own, keys));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            done += texts;
            from = to;
            listener.embedded(done, total);
        }
        return embedded;
    }

    /** The vectors of a group's chunk texts by key, and how many had to be embedded. */
    private record Vectors(Map<String, float[]> byKey, int embedded) {}

    private Vectors vectorsOf(List<Pending> group, IndexStore store) throws IOException {
        Map<String, String> textOf = new HashMap<>();
        for (Pending p : group) {
            for (Chunk chunk : p.chunks()) {
                textOf.putIfAbsent(key(spec, chunk.text()), chunk.text());
            }
        }
        Map<String, float[]> byKey = store.vectors(textOf.keySet());
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(textOf.keySet()));
        missing.removeAll(byKey.keySet());
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream().map(k -> TextSegment.from(textOf.get(k))).toList();
            List<Embedding> embeddings = model.get().embedAll(segments).content();
            for (int i = 0; i < missing.size(); i++) {
                byKey.put(missing.get(i), VectorField.unit(embeddings.get(i).vector()));
            }
        }
        return new Vectors(byKey, missing.size());
    }

    /** The record with every deriver's value; a deriver that fails is logged and left out. */
    private EpisodeRecord derive(EpisodeRecord record, List<Chunk> chunks, List<float[]> vectors) {
        EpisodeRecord result = record;
        for (EpisodeDeriver deriver : derivers) {
            if (result.derived().containsKey(deriver.name())) {
                continue;
            }
            try {
                result = result.withDerived(deriver.name(), deriver.derive(result, chunks, vectors));
            } catch (RuntimeException e) {
                log.warn("Could not derive {} for {}: {}", deriver.name(), record.source(), e.toString());
            }
        }
        return result;
    }

    /** Derives values missing from kept episodes (a deriver added since they were indexed). */
    private boolean deriveMissing(IndexState.Episode[] slots, IndexStore store) throws IOException {
        boolean changed = false;
        for (int i = 0; i < slots.length; i++) {
            IndexState.Episode e = slots[i];
            boolean missing = derivers.stream().anyMatch(d -> !e.record().derived().containsKey(d.name()));
            if (!missing) {
                continue;
            }
            List<String> keys = e.chunks().stream().map(c -> key(spec, c.text())).toList();
            Map<String, float[]> found = store.vectors(keys);
            if (found.size() < new HashSet<>(keys).size()) {
                continue; // cannot happen for a kept episode; never derive from partial vectors
            }
            EpisodeRecord record = derive(e.record(), e.chunks(), keys.stream().map(found::get).toList());
            if (record.derived().size() != e.record().derived().size()) {
                updateRecord(store, e.id(), record, FileStamp.of(e.file()), e.chunks().size());
                slots[i] = new IndexState.Episode(e.file(), record, e.id(), e.chunks());
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Records the size and time of files whose content was found unchanged under a new size or time
     * (touched, copied back): the next start then knows them without reading them again.
     */
    private static boolean restamp(IndexState.Episode[] slots, IndexStore store) throws IOException {
        boolean changed = false;
        for (IndexState.Episode e : slots) {
            IndexStore.StoredEpisode kept = store.stored().get(e.id());
            FileStamp now = FileStamp.of(e.file());
            if (kept != null && !kept.file().equals(now) && now.bytesHash() != null) {
                updateRecord(store, e.id(), e.record(), now, e.chunks().size());
                changed = true;
            }
        }
        return changed;
    }

    private static void updateRecord(IndexStore store, long id, EpisodeRecord record, FileStamp file, int chunks)
            throws IOException {
        store.updateRecord(stored(id, record, file, chunks), IndexFields.episodeRecord(record, file, chunks));
    }

    private static IndexStore.StoredEpisode stored(long id, EpisodeRecord record, FileStamp file, int chunks) {
        return new IndexStore.StoredEpisode(id, record.source(), record.title(), record.url(), record.contentHash(),
                record.lines().size(), chunks, file, record.derived());
    }

    /** An episode version's id: 64 bits of SHA-256 over the index format, the model, its source and content hash. */
    long episodeId(EpisodeRecord record) {
        byte[] digest = sha256(IndexFields.FORMAT + '\0' + spec.id() + '\0' + record.source() + '\0' + record.contentHash());
        return ByteBuffer.wrap(digest).getLong();
    }

    /** The key a chunk text's vector is stored under: 128 bits of SHA-256 over the model id and the text. */
    static String key(EmbeddingModelSpec spec, String text) {
        return HexFormat.of().formatHex(sha256(spec.id() + '\0' + text), 0, 16);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
