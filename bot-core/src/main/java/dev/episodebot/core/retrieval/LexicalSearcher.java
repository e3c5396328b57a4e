package dev.episodebot.core.retrieval;

import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.index.TextAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The lexical side of one question's {@link IndexView}: BM25 over the chunk documents (or the line
 * documents), and the term statistics the answerer weighs evidence with. Queries are built from
 * analysed terms ({@link TextAnalysis}: CJK bigrams, Latin words), never parsed, so no user text
 * can be query syntax; each term is weighted by {@link QueryTermWeights}.
 */
public final class LexicalSearcher {

    private static final int MAX_QUERY_TERMS = 256;

    private final IndexView view;

    public LexicalSearcher(IndexView view) {
        this.view = view;
    }

    /** The analysed terms of a text (CJK bigrams, stemmed Latin words), in order, with repeats. */
    public List<String> terms(String text) {
        return TextAnalysis.terms(text);
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

    /** The best {@code k} chunks for the query's terms, best first. */
    public List<ScoredChunk> search(String query, int k) {
        Query q = query(TextAnalysis.CHUNK_FIELD, query);
        if (q == null || view.searcher() == null || view.chunkCount() == 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = view.searcher();
            TopDocs top = searcher.search(q, k);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<ScoredChunk> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                int ordinal = view.ordinal(leaf, hit.doc - leaf.docBase);
                if (ordinal >= 0) {
                    hits.add(new ScoredChunk(ordinal, hit.score));
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The best {@code k} transcript lines for the query's terms (BM25 over line documents, with their
     * own statistics), best first.
     */
    public List<LineHit> searchLines(String query, int k) {
        Query q = query(TextAnalysis.LINE_FIELD, query);
        if (q == null || view.searcher() == null) {
            return List.of();
        }
        try {
            IndexSearcher searcher = view.searcher();
            TopDocs top = searcher.search(q, k);
            List<LineHit> hits = new ArrayList<>(top.scoreDocs.length);
            var stored = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) {
                var doc = stored.document(hit.doc);
                hits.add(new LineHit(doc.get(TextAnalysis.SOURCE_FIELD), doc.getField(TextAnalysis.LINE_NUMBER_FIELD).numericValue().intValue(),
                        doc.get(TextAnalysis.LINE_FIELD), hit.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line found by {@link #searchLines}. */
    public record LineHit(String source, int lineNumber, String text, double score) {}

    private static Query query(String field, String text) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int clauses = 0;
        for (String term : new LinkedHashSet<>(TextAnalysis.terms(text))) {
            float weight = QueryTermWeights.weight(term);
            if (weight <= 0) {
                continue;
            }
            if (clauses++ >= MAX_QUERY_TERMS) {
                break;
            }
            Query termQuery = new TermQuery(new Term(field, term));
            builder.add(weight == 1f ? termQuery : new BoostQuery(termQuery, weight), BooleanClause.Occur.SHOULD);
        }
        return clauses == 0 ? null : builder.build();
    }

    /** BM25's inverse document frequency of a term over the chunks ({@code 0} for a term no chunk holds). */
    public double idf(String term) {
        if (view.searcher() == null) {
            return 0;
        }
        try {
            int df = view.searcher().getIndexReader().docFreq(new Term(TextAnalysis.CHUNK_FIELD, term));
            if (df == 0) {
                return 0;
            }
            return Math.log(1 + (view.chunkCount() - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The idf a term held by exactly one chunk would have: the most a term can weigh. */
    public double maxIdf() {
        return Math.log(1 + (view.chunkCount() - 1 + 0.5) / 1.5);
    }
}
