package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The layout of the Lucene index: field names and the three kinds of documents. Every document of
 * one episode version carries {@link #EPISODE} (its id as text, to delete the version as a whole)
 * and {@link #EPISODE_ID} (the same id as doc values, to map a hit to its chunk).
 * <ul>
 * <li>an episode document ({@link #EPISODE_DOC}): source, title, link, content hash, line and
 * chunk counts, and the values derived from the episode ({@link EpisodeDeriver});</li>
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
    static final String FORMAT = "1";

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
    static final String TITLE = "title";
    static final String URL = "url";
    static final String CONTENT_HASH = "content_hash";
    static final String LINE_COUNT = "line_count";
    static final String CHUNK_COUNT = "chunk_count";
    static final String LINE_NUMBER = "line_number";
    static final String START_MILLIS = "start_ms";
    static final String END_MILLIS = "end_ms";
    static final String LINE_START = "line_start";
    static final String LINE_END = "line_end";
    /** Prefix of the stored fields holding derived values ({@code derived.<name>}). */
    static final String DERIVED = "derived.";

    static final String TYPE_EPISODE = "episode";
    static final String TYPE_CHUNK = "chunk";
    static final String TYPE_LINE = "line";

    private IndexFields() {}

    /** The text form of an episode id. */
    static String idText(long id) {
        return Long.toHexString(id);
    }

    /** Every document of one episode version: the episode, its chunks (with their unit vectors), its lines. */
    static List<Document> documents(long id, EpisodeRecord episode, List<Chunk> chunks, List<float[]> vectors,
            List<String> keys) {
        List<Document> docs = new ArrayList<>(1 + chunks.size() + episode.lines().size());
        docs.add(episodeDocument(id, episode, chunks.size()));
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
    static Document episodeDocument(long id, EpisodeRecord episode, int chunks) {
        Document doc = common(id, TYPE_EPISODE);
        doc.add(new StringField(EPISODE_DOC, idText(id), Field.Store.NO));
        doc.add(new StoredField(SOURCE, episode.source()));
        if (episode.title() != null) {
            doc.add(new StoredField(TITLE, episode.title()));
        }
        if (episode.url() != null) {
            doc.add(new StoredField(URL, episode.url()));
        }
        doc.add(new StoredField(CONTENT_HASH, episode.contentHash()));
        doc.add(new StoredField(LINE_COUNT, episode.lines().size()));
        doc.add(new StoredField(CHUNK_COUNT, chunks));
        for (Map.Entry<String, byte[]> derived : episode.derived().entrySet()) {
            doc.add(new StoredField(DERIVED + derived.getKey(), derived.getValue()));
        }
        return doc;
    }

    private static Document common(long id, String type) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new StringField(EPISODE, idText(id), Field.Store.NO));
        doc.add(new NumericDocValuesField(EPISODE_ID, id));
        return doc;
    }
}
