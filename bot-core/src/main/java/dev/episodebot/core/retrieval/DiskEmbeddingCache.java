package dev.episodebot.core.retrieval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding cache on disk: one compact binary file per model
 * ({@code CACHE_DIR/embeddings-<model>.bin}), read with one read at start and appended to as new
 * chunks are embedded. Layout: the header {@code EBEC}, format version, dimension and model id,
 * then records of a 16-byte text key followed by {@code dimension} little-endian floats.
 * A truncated last record (a crash while appending) is dropped; a file for another model or
 * dimension, or a damaged header, is started afresh. When more than half the records are no
 * longer used, {@link #compact} rewrites the file with only the live ones.
 */
public final class DiskEmbeddingCache implements EmbeddingCache {

    private static final Logger log = LoggerFactory.getLogger(DiskEmbeddingCache.class);
    private static final int MAGIC = 0x45424543; // "EBEC"
    private static final int VERSION = 1;

    private final Path file;
    private final EmbeddingModelSpec spec;
    private final Map<TextKey, float[]> vectors;
    private final int recordBytes;
    private int records;

    private DiskEmbeddingCache(Path file, EmbeddingModelSpec spec, Map<TextKey, float[]> vectors, int records) {
        this.file = file;
        this.spec = spec;
        this.vectors = vectors;
        this.records = records;
        this.recordBytes = TextKey.BYTES + spec.dimension() * Float.BYTES;
    }

    /** Opens (or creates) the cache for a model under {@code dir}. */
    public static DiskEmbeddingCache open(Path dir, EmbeddingModelSpec spec) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("embeddings-" + spec.id() + ".bin");
        Map<TextKey, float[]> vectors = new HashMap<>();
        int records = 0;
        if (Files.exists(file)) {
            ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            int dataStart = readHeader(buffer, spec);
            if (dataStart < 0) {
                log.warn("Embedding cache {} belongs to another model or is damaged; starting a new one", file);
                Files.delete(file);
            } else {
                int recordBytes = TextKey.BYTES + spec.dimension() * Float.BYTES;
                while (buffer.remaining() >= recordBytes) {
                    TextKey key = new TextKey(buffer.getLong(), buffer.getLong());
                    float[] vector = new float[spec.dimension()];
                    buffer.asFloatBuffer().get(vector);
                    buffer.position(buffer.position() + spec.dimension() * Float.BYTES);
                    vectors.put(key, vector);
                    records++;
                }
                if (buffer.remaining() > 0) {
                    log.warn("Embedding cache {} ends with a partial record; dropping it", file);
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(buffer.position());
                    }
                }
            }
        }
        return new DiskEmbeddingCache(file, spec, vectors, records);
    }

    private static int readHeader(ByteBuffer buffer, EmbeddingModelSpec spec) {
        try {
            if (buffer.getInt() != MAGIC || buffer.getInt() != VERSION || buffer.getInt() != spec.dimension()) {
                return -1;
            }
            int idLength = buffer.getShort();
            if (idLength < 0 || idLength > 200) {
                return -1;
            }
            byte[] id = new byte[idLength];
            buffer.get(id);
            if (!new String(id, StandardCharsets.UTF_8).equals(spec.id())) {
                return -1;
            }
            return buffer.position();
        } catch (java.nio.BufferUnderflowException e) {
            return -1;
        }
    }

    private ByteBuffer header() {
        byte[] id = spec.id().getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(14 + id.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putInt(VERSION).putInt(spec.dimension()).putShort((short) id.length).put(id);
        header.flip();
        return header;
    }

    @Override
    public synchronized float[] get(String text) {
        return vectors.get(TextKey.of(text));
    }

    @Override
    public synchronized void putAll(List<String> texts, List<float[]> list) {
        ByteBuffer out = ByteBuffer.allocate(texts.size() * recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        int added = 0;
        for (int i = 0; i < texts.size(); i++) {
            TextKey key = TextKey.of(texts.get(i));
            float[] vector = list.get(i);
            if (vector.length != spec.dimension() || vectors.putIfAbsent(key, vector) != null) {
                continue;
            }
            out.putLong(key.high()).putLong(key.low());
            for (float f : vector) {
                out.putFloat(f);
            }
            added++;
        }
        if (added == 0) {
            return;
        }
        out.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (channel.size() == 0) {
                write(channel, header());
            }
            write(channel, out);
            records += added;
        } catch (IOException e) {
            log.warn("Could not append to the embedding cache {}: {}; the vectors stay in memory", file, e.toString());
        }
    }

    /** Rewrites the file with only the texts still in use, when most records are stale. */
    public synchronized void compact(java.util.Collection<String> liveTexts) {
        if (records < 64 || liveTexts.size() * 2 > records) {
            return;
        }
        Map<TextKey, float[]> live = new HashMap<>();
        for (String text : liveTexts) {
            TextKey key = TextKey.of(text);
            float[] vector = vectors.get(key);
            if (vector != null) {
                live.put(key, vector);
            }
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(channel, header());
            ByteBuffer out = ByteBuffer.allocate(live.size() * recordBytes).order(ByteOrder.LITTLE_ENDIAN);
            live.forEach((key, vector) -> {
                out.putLong(key.high()).putLong(key.low());
                for (float f : vector) {
                    out.putFloat(f);
                }
            });
            out.flip();
            write(channel, out);
            channel.force(true);
        } catch (IOException e) {
            log.warn("Could not compact the embedding cache {}: {}", file, e.toString());
            return;
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            vectors.keySet().retainAll(live.keySet());
            records = live.size();
        } catch (IOException e) {
            log.warn("Could not replace the embedding cache {}: {}", file, e.toString());
        }
    }

    private static void write(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public synchronized int size() {
        return vectors.size();
    }

    /** The cache file. */
    public Path file() {
        return file;
    }
}
