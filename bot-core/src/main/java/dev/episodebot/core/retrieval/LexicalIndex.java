package dev.episodebot.core.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over chunk texts (Lucene, in memory), built once per knowledge refresh and read-only after.
 * Queries are built from analysed terms, never parsed, so no user text can be query syntax.
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
    static final String ORDINAL = "ordinal";
    private static final int MAX_QUERY_TERMS = 256;

    private final Analyzer analyzer;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int documents;

    private LexicalIndex(Analyzer analyzer, DirectoryReader reader) {
        this.analyzer = analyzer;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.documents = reader.numDocs();
    }

    /** Indexes {@code texts}; a hit's ordinal is the text's position in the list. */
    public static LexicalIndex build(List<String> texts) {
        Analyzer analyzer = new MixedScriptAnalyzer();
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setSimilarity(new BM25Similarity())
                    .setRAMBufferSizeMB(64)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                Document doc = new Document();
                Field text = new TextField(TEXT, "", Field.Store.NO);
                NumericDocValuesField ordinal = new NumericDocValuesField(ORDINAL, 0);
                doc.add(text);
                doc.add(ordinal);
                for (int i = 0; i < texts.size(); i++) {
                    text.setStringValue(texts.get(i));
                    ordinal.setLongValue(i);
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            return new LexicalIndex(analyzer, DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
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
        NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
        int local = doc - leaf.docBase;
        if (values != null && values.advanceExact(local)) {
            return (int) values.longValue();
        }
        throw new IllegalStateException("document without ordinal");
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // in-memory: nothing to release
        }
    }
}
