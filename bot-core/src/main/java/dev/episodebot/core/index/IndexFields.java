package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.Chunker;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The layout of the Lucene index: field names and the three kinds of documents. Every document of
 * one episode version carries {@link #EPISODE} (its id as text, to delete the version as a whole)
 * and {@link #EPISODE_ID} (the same id as doc values, to map a hit to its chunk).
 * <ul>
 * <li>an episode document ({@link #EPISODE_DOC}) whose record ({@link #EPISODE_RECORD}, binary doc
 * values: a start reads every episode's without decompressing stored fields) holds source, title,
 * link, content hash, line and chunk counts, the file it was read from ({@link FileStamp}: how a
 * start tells an unchanged file without reading it) and the values derived from the episode
 * ({@link EpisodeDeriver});</li>
 * the episode document also stores the episode's lines ({@link #LINES}) and its chunks as their
 * lines or pieces of lines ({@link #CHUNKS}; a chunk's text is their {@link Chunker#join}): one
 * document read gives either, when a question or command first needs them;</li>
 * <li>a chunk document per chunk: BM25 text ({@link #CHUNK_TEXT}), its vector ({@link #VECTOR},
 * HNSW, unit length, dot product), its position, and the key its vector is cached under
 * ({@link #KEY}: model id and text hash);</li>
 * <li>a line document per transcript line: BM25 text ({@link #LINE_TEXT}, stored), line number and
 * timecodes.</li>
 * </ul>
 * BM25 statistics are per field, so chunks and lines never dilute each other's.
 */
final class IndexFields {

    /** Bumped when the layout, the analysis or the chunking changes: an index of another format is rebuilt. */
    static final String FORMAT = "2";

    static final String TYPE = "type";
    static final String EPISODE = "episode";
    static final String EPISODE_ID = "episode_id";
    static final String EPISODE_DOC = "episode_doc";
    static final String POSITION = "position";
    static final String KEY = "key";
    static final String CHUNK_TEXT = "chunk_text";
    static final String LINE_TEXT = "line_text";
    static final String VECTOR = "vector";
    static final String SOURCE = "source";
    static final String LINE_NUMBER = "line_number";
    static final String START_MILLIS = "start_ms";
    static final String END_MILLIS = "end_ms";
    static final String LINE_START = "line_start";
    static final String LINE_END = "line_end";
    /** An episode's lines, stored on its episode document ({@link #encodeLines}): read in one document read. */
    static final String LINES = "lines";
    /** An episode's chunks as their lines or pieces of lines, stored on its episode document ({@link #encodeChunks}). */
    static final String CHUNKS = "chunks";
    /** An episode document's record (binary doc values, read at a start without decompressing stored fields). */
    static final String EPISODE_RECORD = "episode_record";

    static final String TYPE_EPISODE = "episode";
    static final String TYPE_CHUNK = "chunk";
    static final String TYPE_LINE = "line";

    private IndexFields() {}

    /** The text form of an episode id. */
    static String idText(long id) {
        return Long.toHexString(id);
    }

    /** Every document of one episode version: the episode, its chunks (with their unit vectors), its lines. */
    static List<Document> documents(long id, EpisodeRecord episode, FileStamp file, List<Chunk> chunks,
            List<float[]> vectors, List<String> keys) {
        List<Document> docs = new ArrayList<>(1 + chunks.size() + episode.lines().size());
        Document episodeDoc = episodeDocument(id, episode, file, chunks.size());
        episodeDoc.add(new StoredField(LINES, encodeLines(episode.lines())));
        episodeDoc.add(new StoredField(CHUNKS, encodeChunks(chunks)));
        docs.add(episodeDoc);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            Document doc = common(id, TYPE_CHUNK);
            doc.add(new NumericDocValuesField(POSITION, i));
            doc.add(new StoredField(POSITION, i));
            doc.add(new StringField(KEY, keys.get(i), Field.Store.YES));
            doc.add(new TextField(CHUNK_TEXT, chunk.text(), Field.Store.NO));
            doc.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
            doc.add(new StoredField(SOURCE, chunk.source()));
            doc.add(new StoredField(LINE_START, chunk.lineStart()));
            doc.add(new StoredField(LINE_END, chunk.lineEnd()));
            docs.add(doc);
        }
        for (TranscriptLine line : episode.lines()) {
            Document doc = common(id, TYPE_LINE);
            doc.add(new TextField(LINE_TEXT, line.text(), Field.Store.YES));
            doc.add(new StoredField(SOURCE, episode.source()));
            doc.add(new NumericDocValuesField(LINE_NUMBER, line.lineNumber()));
            doc.add(new StoredField(LINE_NUMBER, line.lineNumber()));
            doc.add(new StoredField(START_MILLIS, line.startMillis()));
            doc.add(new StoredField(END_MILLIS, line.endMillis()));
            docs.add(doc);
        }
        return docs;
    }

    /** The episode document alone (it is replaced when a derived value is added later). */
    private static Document episodeDocument(long id, EpisodeRecord episode, FileStamp file, int chunks) {
        Document doc = common(id, TYPE_EPISODE);
        doc.add(new StringField(EPISODE_DOC, idText(id), Field.Store.NO));
        doc.add(new BinaryDocValuesField(EPISODE_RECORD, episodeRecord(episode, file, chunks)));
        return doc;
    }

    /** The term of an episode version's own document. */
    static Term episodeTerm(long id) {
        return new Term(EPISODE_DOC, idText(id));
    }

    /** An episode document's record: source, title, link, content hash, counts, file stamp, derived values. */
    static BytesRef episodeRecord(EpisodeRecord episode, FileStamp file, int chunks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, episode.source());
            writeString(out, episode.title());
            writeString(out, episode.url());
            writeString(out, episode.contentHash());
            out.writeInt(episode.lines().size());
            out.writeInt(chunks);
            out.writeLong(file.size());
            out.writeLong(file.modifiedMillis());
            writeString(out, file.bytesHash());
            out.writeInt(episode.derived().size());
            for (Map.Entry<String, byte[]> derived : episode.derived().entrySet()) {
                writeString(out, derived.getKey());
                out.writeInt(derived.getValue().length);
                out.write(derived.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return new BytesRef(bytes.toByteArray());
    }

    /** The episode version {@link #episodeRecord} wrote for episode {@code id}. */
    static IndexStore.StoredEpisode decodeEpisode(long id, BytesRef stored) throws IOException {
        DataInputStream in = input(stored);
        String source = readString(in);
        String title = readString(in);
        String url = readString(in);
        String contentHash = readString(in);
        int lines = in.readInt();
        int chunks = in.readInt();
        FileStamp file = new FileStamp(in.readLong(), in.readLong(), readString(in));
        int count = in.readInt();
        Map<String, byte[]> derived = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            byte[] value = new byte[in.readInt()];
            in.readFully(value);
            derived.put(name, value);
        }
        if (source == null || contentHash == null) {
            throw new IOException("an episode record without a source or hash");
        }
        return new IndexStore.StoredEpisode(id, source, title, url, contentHash, lines, chunks, file, derived);
    }

    /** An episode's lines as bytes: their count, then per line its number, cue start and end, and text. */
    static byte[] encodeLines(List<TranscriptLine> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeLines(out, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    /** An episode's chunks as bytes: their count, then each chunk's lines as {@link #encodeLines} writes them. */
    static byte[] encodeChunks(List<Chunk> chunks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(chunks.size());
            for (Chunk chunk : chunks) {
                writeLines(out, chunk.lines());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    /** The lines {@link #encodeLines} wrote. */
    static List<TranscriptLine> decodeLines(BytesRef stored) throws IOException {
        return readLines(input(stored));
    }

    /** The chunks {@link #encodeChunks} wrote, with their episode's source, title and link; a chunk's text is {@link Chunker#join} of its lines, as the chunker made it. */
    static List<Chunk> decodeChunks(BytesRef stored, String source, String title, String url) throws IOException {
        DataInputStream in = input(stored);
        int count = in.readInt();
        List<Chunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<TranscriptLine> lines = readLines(in);
            chunks.add(new Chunk(source, title, url, lines, Chunker.join(lines)));
        }
        return List.copyOf(chunks);
    }

    private static void writeLines(DataOutputStream out, List<TranscriptLine> lines) throws IOException {
        out.writeInt(lines.size());
        for (TranscriptLine line : lines) {
            out.writeInt(line.lineNumber());
            out.writeLong(line.startMillis());
            out.writeLong(line.endMillis());
            writeString(out, line.text());
        }
    }

    private static List<TranscriptLine> readLines(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<TranscriptLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = in.readInt();
            long start = in.readLong();
            long end = in.readLong();
            lines.add(new TranscriptLine(number, readString(in), start, end));
        }
        return List.copyOf(lines);
    }

    private static DataInputStream input(BytesRef stored) {
        return new DataInputStream(new ByteArrayInputStream(stored.bytes, stored.offset, stored.length));
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Document common(long id, String type) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new StringField(EPISODE, idText(id), Field.Store.NO));
        doc.add(new NumericDocValuesField(EPISODE_ID, id));
        return doc;
    }
}
