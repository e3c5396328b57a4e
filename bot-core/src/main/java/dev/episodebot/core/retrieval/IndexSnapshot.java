package dev.episodebot.core.retrieval;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.KnowledgeFileRef;
import dev.episodebot.core.knowledge.LoadedFile;
import dev.episodebot.core.knowledge.Transcript;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexed state of every knowledge file, saved in {@code CACHE_DIR/index-<model>.bin} after a
 * refresh so that a restart need not read, parse, chunk, hash and look up a thousand files again:
 * per file its size and modification time (the same change test the loader uses), its parsed lines,
 * its chunks as ranges of those lines, its BM25 id and its normalised vectors. A file whose size or
 * time changed since is read and indexed as usual. The snapshot is only a shortcut: a missing,
 * damaged or foreign one (another model, format, dimension or knowledge folder) is ignored, and files whose chunks are
 * not plain ranges of their lines (a line split into sentences) are left out of it.
 */
final class IndexSnapshot {

    private static final Logger log = LoggerFactory.getLogger(IndexSnapshot.class);
    private static final int MAGIC = 0x45425358; // "EBSX"
    private static final int VERSION = 4;

    /** One file's indexed state. */
    record Entry(LoadedFile file, List<Chunk> chunks, long id, float[] block) {}

    private IndexSnapshot() {}

    static Path file(Path cacheDir, EmbeddingModelSpec spec) {
        return cacheDir.resolve("index-" + spec.id() + ".bin");
    }

    /** Writes the entries (atomically: a temp file moved into place). Files that do not fit are left out. */
    static void write(Path file, Path knowledgeDir, EmbeddingModelSpec spec, Collection<Entry> entries) throws IOException {
        List<Entry> fitting = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (Entry entry : entries) {
            int[] r = ranges(entry);
            if (r != null) {
                fitting.add(entry);
                ranges.add(r);
            }
        }
        Files.createDirectories(file.getParent());
        // a temp file of this process's own: two processes sharing the cache folder never write into one file
        Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(temp);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            // little-endian throughout: read back through a memory map in the machine's order
            writeInt(out, MAGIC);
            writeInt(out, VERSION);
            writeString(out, spec.id());
            writeString(out, knowledgeDir.toAbsolutePath().normalize().toString());
            writeInt(out, fitting.size());
            for (int i = 0; i < fitting.size(); i++) {
                Entry entry = fitting.get(i);
                KnowledgeFileRef ref = entry.file().ref();
                Transcript transcript = entry.file().transcript();
                writeString(out, ref.source());
                writeLong(out, ref.size());
                writeLong(out, ref.modifiedMillis());
                writeString(out, transcript.title());
                writeString(out, transcript.url());
                writeLong(out, entry.id());
                List<TranscriptLine> lines = transcript.lines();
                writeInt(out, lines.size());
                // numbers, starts and ends as three arrays (read back in bulk), then the texts as one string
                ByteBuffer meta = ByteBuffer.allocate(lines.size() * (Integer.BYTES + 2 * Long.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
                StringBuilder text = new StringBuilder();
                for (TranscriptLine line : lines) {
                    meta.putInt(line.lineNumber());
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(line.text());
                }
                for (TranscriptLine line : lines) {
                    meta.putLong(line.startMillis());
                }
                for (TranscriptLine line : lines) {
                    meta.putLong(line.endMillis());
                }
                out.write(meta.array());
                writeString(out, text.toString());
                int[] r = ranges.get(i);
                writeInt(out, r.length / 2);
                for (int v : r) {
                    writeInt(out, v);
                }
                ByteBuffer floats = ByteBuffer.allocate(entry.block().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                floats.asFloatBuffer().put(entry.block());
                writeInt(out, entry.block().length);
                out.write(floats.array());
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The entries saved for {@code spec}, by source; empty when there is no usable snapshot.
     *
     * @param knowledgeDir where the files are (their paths are rebuilt from it)
     */
    static Map<String, Entry> read(Path file, Path knowledgeDir, EmbeddingModelSpec spec) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            // mapped, not copied onto the heap; bulk reads of floats, ints and longs are plain memory copies
            ByteBuffer in = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size())
                    .order(ByteOrder.LITTLE_ENDIAN);
            Path base = knowledgeDir.toAbsolutePath().normalize();
            if (in.getInt() != MAGIC || in.getInt() != VERSION || !spec.id().equals(readString(in))
                    || !base.toString().equals(readString(in))) {
                return Map.of(); // another format, model or knowledge folder
            }
            int count = in.getInt();
            Map<String, Entry> entries = new HashMap<>(count * 2);
            for (int f = 0; f < count; f++) {
                String source = readString(in);
                long size = in.getLong();
                long modified = in.getLong();
                String title = readString(in);
                String url = readString(in);
                long id = in.getLong();
                int lineCount = in.getInt();
                int[] numbers = new int[lineCount];
                long[] starts = new long[lineCount];
                long[] ends = new long[lineCount];
                in.asIntBuffer().get(numbers);
                in.position(in.position() + lineCount * Integer.BYTES);
                in.asLongBuffer().get(starts);
                in.position(in.position() + lineCount * Long.BYTES);
                in.asLongBuffer().get(ends);
                in.position(in.position() + lineCount * Long.BYTES);
                String text = readString(in);
                List<TranscriptLine> lines = new ArrayList<>(lineCount);
                int from = 0;
                for (int i = 0; i < lineCount; i++) {
                    int end = i == lineCount - 1 ? text.length() : text.indexOf('\n', from);
                    lines.add(new TranscriptLine(numbers[i], text.substring(from, end), starts[i], ends[i]));
                    from = end + 1;
                }
                Transcript transcript = new Transcript(source, title, url, lines);
                int chunkCount = in.getInt();
                List<Chunk> chunks = new ArrayList<>(chunkCount);
                for (int c = 0; c < chunkCount; c++) {
                    int start = in.getInt();
                    int stop = in.getInt();
                    List<TranscriptLine> units = transcript.lines().subList(start, stop);
                    chunks.add(new Chunk(source, title, url, units, Chunker.join(units)));
                }
                float[] block = new float[in.getInt()];
                in.asFloatBuffer().get(block);
                in.position(in.position() + block.length * Float.BYTES);
                if (block.length != chunkCount * spec.dimension() && chunkCount > 0) {
                    return Map.of(); // another dimension: not ours
                }
                KnowledgeFileRef ref = new KnowledgeFileRef(base.resolve(source), source, size, modified);
                entries.put(source, new Entry(new LoadedFile(ref, transcript, null), List.copyOf(chunks), id, block));
            }
            return entries;
        } catch (IOException | BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            log.warn("Ignoring the index snapshot {} ({}); files are read again", file, e.toString());
            return Map.of();
        }
    }

    /**
     * Each chunk as a {@code [from, to)} range of its file's lines, or null when a chunk is not
     * exactly such a range with the text the chunker gave it.
     */
    private static int[] ranges(Entry entry) {
        if (!entry.file().ok() || entry.file().skipped() != null || entry.block() == null) {
            return null;
        }
        List<TranscriptLine> lines = entry.file().transcript().lines();
        Map<TranscriptLine, Integer> index = new IdentityHashMap<>(lines.size() * 2);
        for (int i = 0; i < lines.size(); i++) {
            index.put(lines.get(i), i);
        }
        int[] ranges = new int[entry.chunks().size() * 2];
        for (int c = 0; c < entry.chunks().size(); c++) {
            Chunk chunk = entry.chunks().get(c);
            Integer first = index.get(chunk.lines().get(0));
            if (first == null || first + chunk.lines().size() > lines.size()) {
                return null;
            }
            for (int k = 0; k < chunk.lines().size(); k++) {
                if (lines.get(first + k) != chunk.lines().get(k)) {
                    return null;
                }
            }
            if (!Chunker.join(chunk.lines()).equals(chunk.text())) {
                return null;
            }
            ranges[2 * c] = first;
            ranges[2 * c + 1] = first + chunk.lines().size();
        }
        return ranges;
    }

    private static void writeInt(DataOutputStream out, int v) throws IOException {
        out.writeInt(Integer.reverseBytes(v));
    }

    private static void writeLong(DataOutputStream out, long v) throws IOException {
        out.writeLong(Long.reverseBytes(v));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            writeInt(out, -1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
