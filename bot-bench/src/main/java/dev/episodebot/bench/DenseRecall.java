package dev.episodebot.bench;

import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.index.VectorField;
import dev.episodebot.core.retrieval.DenseSearcher;
import dev.episodebot.core.retrieval.ScoredChunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * How much of exact dense search the index's dense side finds: for each question, the share of the
 * exact top 10 (brute force over every stored chunk vector) that {@link DenseSearcher} returns in
 * its top 10, averaged.
 */
final class DenseRecall {

    private static final int K = 10;

    private DenseRecall() {}

    static double atTen(IndexView view, List<String> questions) {
        List<float[]> queries = questions.stream().map(q -> VectorField.unit(view.state().queries().embed(q))).toList();
        List<Set<Integer>> exact = IntStream.range(0, queries.size()).parallel()
                .mapToObj(i -> exactTop(view, queries.get(i))).toList();
        DenseSearcher dense = new DenseSearcher(view);
        double sum = 0;
        for (int i = 0; i < queries.size(); i++) {
            Set<Integer> truth = exact.get(i);
            long found = dense.search(queries.get(i), K).stream().map(ScoredChunk::ordinal).filter(truth::contains).count();
            sum += truth.isEmpty() ? 1 : (double) found / truth.size();
        }
        return queries.isEmpty() ? Double.NaN : sum / queries.size();
    }

    private static Set<Integer> exactTop(IndexView view, float[] query) {
        PriorityQueue<double[]> top = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        try {
            for (LeafReaderContext leaf : view.searcher().getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VectorField.NAME);
                if (values == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    float[] v = values.vectorValue();
                    double score = 0;
                    for (int j = 0; j < v.length; j++) {
                        score += query[j] * v[j];
                    }
                    if (top.size() < K || score > top.peek()[0]) {
                        int ordinal = view.ordinal(leaf, doc);
                        if (ordinal >= 0) {
                            top.add(new double[] {score, ordinal});
                            if (top.size() > K) {
                                top.poll();
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Integer> ordinals = new HashSet<>();
        for (double[] entry : top) {
            ordinals.add((int) entry[1]);
        }
        return ordinals;
    }
}
