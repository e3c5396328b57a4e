package dev.episodebot.core.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * BM25 over chunk texts (Lucene, in memory): a read-only, point-in-time view for one index
 * snapshot. Queries are built from analysed terms, never parsed, so no user text can be query
 * syntax.
 *
 * <p>Snapshots come from a {@link Writer} that is kept across knowledge refreshes: a refresh
 * deletes the documents of changed or removed files and adds those of new or changed files, then
 * opens a near-real-time reader. Each snapshot keeps its own reader, so a question in flight
 * keeps the view it started with while the next refresh is applied; a snapshot's reader is
 * released when the snapshot is no longer reachable. Every document carries the id of its file
 * version and its position in that file; a snapshot maps them to the chunk ordinals of its
 * {@code KnowledgeIndex}.
 */
public final class LexicalIndex implements AutoCloseable {

    /** A chunk and its BM25 score. */
    public record Hit(int ordinal, float score) {}

    /**
     * An analysed query term and how much it says.
     *
     * @param term the analysed term (a CJK bigram or a stemmed word)
     * @param weight how much the term counts (question words and particle bigrams count less or not at all)
     * @param idf its inverse document frequency in this index (0 when no chunk holds it)
     */
    public record WeightedTerm(String term, double weight, double idf) {}

    static final String TEXT = "text";
    /** The id of the file version a document belongs to (doc values, and a string term for deletes). */
    static final String FILE = "file";
    /** The document's position among its file's chunks. */
    static final String POSITION = "position";
    private static final int MAX_QUERY_TERMS = 256;
    private static final Cleaner READERS = Cleaner.create();

    private final Analyzer analyzer;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int documents;
    private final Map<Long, Integer> firstOrdinal;

    /** Takes over one reference of {@code reader}; it is released once this index is unreachable. */
    private LexicalIndex(Analyzer analyzer, DirectoryReader reader, Map<Long, Integer> firstOrdinal) {
        this.analyzer = analyzer;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.documents = reader.numDocs();
        this.firstOrdinal = Map.copyOf(firstOrdinal);
        READERS.register(this, new Release(reader));
    }

    /** Releases a snapshot's reader reference (must not refer to the snapshot itself). */
    private record Release(DirectoryReader reader) implements Runnable {
        @Override
        public void run() {
            try {
                reader.decRef();
            } catch (IOException | RuntimeException e) {
                // in memory: nothing else to release
            }
        }
    }

    /** Indexes {@code texts}; a hit's ordinal is the text's position in the list. */
    public static LexicalIndex build(List<String> texts) {
        // the writer is dropped, not closed: nothing outside the heap to release, and the snapshot's
        // reader keeps reading what it holds
        Writer writer = new Writer();
        writer.add(0, texts);
        return writer.snapshot(Map.of(0L, 0));
    }

    /**
     * The incremental side: one Lucene {@link IndexWriter} holding the chunks of every indexed file
     * version, in memory or in a folder (then {@link #commit} keeps it for the next start, which only
     * adds the files that changed meanwhile). Updates are not thread-safe (the knowledge base calls
     * them under its refresh lock) except {@link #add}. Snapshots stay valid and unchanged after later
     * updates.
     */
    public static final class Writer implements AutoCloseable {

        private final Analyzer analyzer = new MixedScriptAnalyzer();
        private final IndexWriter writer;
        private DirectoryReader latest;

        /** An index in memory. */
        public Writer() {
            this(new ByteBuffersDirectory(), IndexWriterConfig.OpenMode.CREATE);
        }

        /**
         * An index kept in {@code dir} (created when missing, reopened when there). Fails when another
         * process holds the folder or it cannot be read; the caller then uses an in-memory index.
         */
        public static Writer open(java.nio.file.Path dir) throws IOException {
            java.nio.file.Files.createDirectories(dir);
            return new Writer(FSDirectory.open(dir), IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        }

        private Writer(Directory directory, IndexWriterConfig.OpenMode mode) {
            TieredMergePolicy merges = new TieredMergePolicy();
            // keep BM25 statistics close to those of a fresh index: deleted documents still count until merged away
            merges.setDeletesPctAllowed(20);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setSimilarity(new BM25Similarity())
                    .setRAMBufferSizeMB(64)
                    .setMergePolicy(merges)
                    .setCommitOnClose(false)
                    .setOpenMode(mode);
            try {
                this.writer = new IndexWriter(directory, config);
            } catch (IOException e) {
                try {
                    directory.close();
                } catch (IOException ignored) {
                    // failing anyway
                }
                throw new UncheckedIOException("cannot open the BM25 index: " + e.getMessage(), e);
            }
        }

        /** The file versions the index holds (those of the last commit, for a reopened index). */
        public java.util.Set<Long> files() {
            java.util.Set<Long> ids = new java.util.HashSet<>();
            try {
                // the reader opened here is the one the first snapshot will use
                if (latest == null) {
                    latest = DirectoryReader.open(writer);
                } else {
                    DirectoryReader next = DirectoryReader.openIfChanged(latest, writer);
                    if (next != null) {
                        latest.decRef();
                        latest = next;
                    }
                }
                for (LeafReaderContext leaf : latest.leaves()) {
                    Terms terms = leaf.reader().terms(FILE);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum e = terms.iterator();
                    for (BytesRef term = e.next(); term != null; term = e.next()) {
                        if (hasLiveDoc(leaf, term)) {
                            ids.add(Long.parseLong(term.utf8ToString()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ids;
        }

        private static boolean hasLiveDoc(LeafReaderContext leaf, BytesRef term) throws IOException {
            var live = leaf.reader().getLiveDocs();
            var postings = leaf.reader().postings(new Term(FILE, BytesRef.deepCopyOf(term)));
            for (int doc = postings.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                    doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return true;
                }
            }
            return false;
        }

        /** Makes the current state durable (a no-op cost for an in-memory index). */
        public void commit() {
            try {
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the BM25 index", e);
            }
        }

        /** Adds the chunk texts of one file version ({@code fileId} must be new). Thread-safe. */
        public void add(long fileId, List<String> texts) {
            List<Document> docs = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                Document doc = new Document();
                doc.add(new TextField(TEXT, texts.get(i), Field.Store.NO));
                doc.add(new StringField(FILE, Long.toString(fileId), Field.Store.NO));
                doc.add(new NumericDocValuesField(FILE, fileId));
                doc.add(new NumericDocValuesField(POSITION, i));
                docs.add(doc);
            }
            try {
                writer.addDocuments(docs);
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory index failed", e);
            }
        }

        /** Removes the chunks of one file version. */
        public void remove(long fileId) {
            try {
                writer.deleteDocuments(new Term(FILE, Long.toString(fileId)));
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory index failed", e);
            }
        }

        /**
         * A point-in-time view of everything added and not removed so far.
         *
         * @param firstOrdinal for each file version in the view, the ordinal of its first chunk
         */
        public LexicalIndex snapshot(Map<Long, Integer> firstOrdinal) {
            try {
                DirectoryReader next = latest == null ? DirectoryReader.open(writer)
                        : DirectoryReader.openIfChanged(latest, writer);
                if (next != null) {
                    if (latest != null) {
                        latest.decRef();
                    }
                    latest = next;
                }
                latest.incRef();
                return new LexicalIndex(analyzer, latest, firstOrdinal);
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory index failed", e);
            }
        }

        /** Drops uncommitted changes and releases the folder; snapshots already taken stay usable. */
        @Override
        public void close() {
            try {
                if (latest != null) {
                    latest.decRef();
                    latest = null;
                }
                writer.rollback();
            } catch (IOException e) {
                // nothing more can be done
            }
        }
    }

    /** The analysed terms of a text (CJK bigrams, stemmed Latin words), in order, with repeats. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The distinct terms of a query with their weights and IDF; terms weighed 0 are left out. */
    public List<WeightedTerm> queryTerms(String query) {
        List<WeightedTerm> result = new ArrayList<>();
        for (String term : new LinkedHashSet<>(terms(query))) {
            float weight = QueryTermWeights.weight(term);
            if (weight > 0) {
                result.add(new WeightedTerm(term, weight, idf(term)));
            }
        }
        return result;
    }

    /** The best {@code k} chunks for the query's terms. */
    public List<Hit> search(String query, int k) {
        LinkedHashSet<String> unique = new LinkedHashSet<>(terms(query));
        if (unique.isEmpty() || documents == 0) {
            return List.of();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int clauses = 0;
        for (String term : unique) {
            float weight = QueryTermWeights.weight(term);
            if (weight <= 0) {
                continue;
            }
            if (clauses++ >= MAX_QUERY_TERMS) {
                break;
            }
            Query termQuery = new TermQuery(new Term(TEXT, term));
            builder.add(weight == 1f ? termQuery : new BoostQuery(termQuery, weight), BooleanClause.Occur.SHOULD);
        }
        if (clauses == 0) {
            return List.of();
        }
        try {
            TopDocs top = searcher.search(builder.build(), k);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                hits.add(new Hit(ordinal(scoreDoc.doc), scoreDoc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** BM25's inverse document frequency of a term ({@code 0} for a term no chunk holds). */
    public double idf(String term) {
        try {
            int df = reader.docFreq(new Term(TEXT, term));
            if (df == 0) {
                return 0;
            }
            return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The idf a term held by exactly one chunk would have: the most a term can weigh. */
    public double maxIdf() {
        return Math.log(1 + (documents - 1 + 0.5) / 1.5);
    }

    public int size() {
        return documents;
    }

    private int ordinal(int doc) throws IOException {
        var leaves = reader.leaves();
        var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        NumericDocValues file = leaf.reader().getNumericDocValues(FILE);
        NumericDocValues position = leaf.reader().getNumericDocValues(POSITION);
        if (file != null && position != null && file.advanceExact(local) && position.advanceExact(local)) {
            Integer first = firstOrdinal.get(file.longValue());
            if (first != null) {
                return first + (int) position.longValue();
            }
        }
        throw new IllegalStateException("document without ordinal");
    }

    /** Nothing to do: the reader is released when this snapshot is no longer reachable. */
    @Override
    public void close() {
        // kept for callers that used try-with-resources
    }
}
