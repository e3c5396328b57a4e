package dev.episodebot.core.overview;

import dev.episodebot.core.index.TextAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Splits a transcript into topical sections where its vocabulary changes, by the statistical
 * model of Utiyama and Isahara (2001, "A Statistical Model for Domain-Independent Text
 * Segmentation"): each section is a bag of terms drawn from its own Laplace-smoothed unigram
 * model, a segmentation with {@code m} sections has prior {@code n^-m} ({@code n} = terms in the
 * text), and dynamic programming finds the most probable segmentation. The number of sections
 * follows from the model and the prior; nothing is tuned to an episode.
 *
 * <p>Terms are the index's own ({@link TextAnalysis}: CJK bigrams, stemmed Latin words without
 * stop words). Terms found on one line only are left out: they cannot tie two lines together, and
 * in a transcript most of them are chance bigrams across word boundaries.
 *
 * <p>Measured on the bundled episode against a person's segmentation (Pk, {@code eval.Pk}, k = 9):
 * this model 0.39 with 13 sections (evenly spaced: 0.52). Its boundaries are in the right places
 * but a few lines off: moving each one within 6 lines of a reference boundary onto it would give
 * 0.16, so most of the error is placement, where the lines around a topic change (此外, 不得不说,
 * 对于 Yi Tay 而言) carry no terms to decide by. On synthetic texts with known joins (blocks of 6–30
 * lines cut from distant places of the episode, Choi 2000; {@code TopicSegmenterTest}) it scores
 * 0.41 against 0.52 for evenly spaced sections, and has a start within 3 lines of 66% of the joins.
 *
 * <p>Measured and not taken (same three checks: the reference; the synthetic joins; joins of
 * blocks from 56 other Chinese texts, the zh_CN message catalogues of Debian packages, where this
 * model scores 0.27 against 0.46 evenly spaced): TextTiling (Hearst 1997) with depth scores over
 * the same terms, windows of 4–12 lines, 0.45–0.49 on the reference, too many boundaries; C99
 * (Choi 2000) on rank-transformed line similarities, 0.35–0.57, worse on the other texts (0.29–0.35);
 * the Dirichlet compound multinomial of Eisenstein and Barzilay (2008), its concentration chosen by
 * likelihood, too few sections (7); contiguous k-means over bge-small-zh vectors (Alemi and
 * Ginsparg 2015) of single lines, 0.38–0.43, and of the index's chunk vectors, 0.35–0.53 and 0.43–0.44
 * on the synthetic joins (a chunk is ~12 lines and straddles the joins); snapping boundaries to the
 * lowest local similarity or forbidding starts before continuation words (都, 也, 或者, 其中):
 * no better. Words from Lucene's {@code SmartChineseAnalyzer} instead of bigrams were a little
 * better on all three (0.35, 0.42, 0.25, 9 sections) but cost 19 ms per episode, 2.3 s and 11 MB
 * of dictionaries on first use (the bench's one-file refresh would pay it), so not for this gain.
 *
 * <p>Measured next and not taken either (reference Pk / synthetic joins, evenly spaced in brackets /
 * catalogue joins; this model: 0.39 / 0.41 [0.52] / 0.22 [0.48], the catalogue check rebuilt as:
 * {@code msgunfmt} of {@code /usr/share/locale/zh_CN/LC_MESSAGES/*.mo}, translated lines with at least
 * four ideographs, the 54 distinct catalogues with 100 or more, 20 texts of 227 lines of 6–30-line
 * blocks each from another catalogue than the one before). Nothing was chosen by its reference score:
 * <ul>
 *   <li>a boundary prior from line types, four times likelier before a line that opens with a
 *       discourse marker (此外, 然而, 不过, 同时, 其实, … 39 of them) or after a question (吗, 呢, 什么, ？):
 *       0.42 / 0.42 / 0.22; with only explicit topic-shift markers (此外, 另外, 不得不说, 应该说, 至于,
 *       总之, …): 0.41 / 0.41 / 0.22. The markers open topics here (30, 143, 168, 220) but as often open
 *       a sentence inside one (56, 89, 113, 153, 165, 188), and this episode is a narration with three
 *       questions, not an interview;
 *   <li>other terms: words by forward maximum matching over the CC-CEDICT headwords of
 *       {@code dict/en-zh.tsv.gz} 0.39 / 0.41 [0.48] / 0.23 with 10 sections (and 0.7–1.5 s to load the
 *       dictionary); only the bigrams that are dictionary words 0.46 / 0.40 [0.48] / 0.23; without the
 *       everyday words of {@code everyday-zh.txt} 0.50 / 0.42 / 0.23; without terms on more than 10% (5%)
 *       of the lines 0.42 / 0.45 / 0.22 (0.48 / 0.44 / 0.26); bigrams plus single ideographs
 *       0.44 / 0.42 / 0.21; the recurring phrases of {@link PhraseCandidates} 0.40 / 0.40 [0.48] / 0.23
 *       with 7 sections, with the bigrams 0.48 / 0.43 / 0.25; terms on at least 3 (4) lines instead of 2
 *       0.32 / 0.41 [0.49] / 0.24 (0.36 / 0.39 [0.50] / 0.24), fewer joins found (59%) and worse on the
 *       catalogues; each line's terms plus its neighbours' 0.50 / 0.53 / 0.38 (far too many sections);
 *   <li>other smoothing: add-α instead of Laplace's α = 1, α = 0.5: 0.49 / 0.44 / 0.28 (18 sections),
 *       α = 2: 0.38 / 0.43 / 0.22 (8); each section's model mixed with the episode's own (background
 *       share 0.5, 0.2, 0.05): 0.36 / 0.43 / 0.22, 0.41 / 0.42 / 0.22, 0.39 / 0.41 / 0.22, and 20–30 times
 *       slower (no closed form to grow line by line);
 *   <li>a log-normal prior on section length (median 17 lines, 10–30 within one σ) instead of
 *       {@code n^-m}: 0.43 / 0.44 / 0.25; on top of it: 0.41 / 0.43 / 0.23;
 *   <li>decoding by the model's posterior instead of its best segmentation (forward–backward, then
 *       the segmentation of least expected Pk): 0.43 / 0.43 / 0.22;
 *   <li>bge-small-zh vectors added to the cost as a von Mises–Fisher term
 *       {@code λ (lines − |Σ x|)}: the chunk vectors the index has (each line the mean of its chunks')
 *       at λ = 1, 2: 0.42 / 0.41 / 0.21, 0.41 / 0.42 / 0.22, at λ ≥ 10 splits at every chunk edge
 *       (0.46–0.54); centred on the episode's mean: 0.45 / 0.43; vectors of single lines (which the index
 *       does not compute at index time: one more embedding per line) 0.39 / 0.41 at λ = 1, 0.42 / 0.43 at
 *       λ = 3, centred 0.44 / 0.42.
 * </ul>
 * The reference score moves by 0.03 when the prior's weight moves by 10–20% (0.39–0.42), so
 * differences of that size on the one episode are noise; the synthetic and catalogue checks average
 * 20 texts each.
 *
 * <p>Cost: O(lines × {@link #MAX_SECTION_LINES} × terms per line) per episode, about 5 ms for
 * the bundled episode's 227 lines.
 */
final class TopicSegmenter {

    /** Longest section the search considers, in lines: bounds the work at O(lines × this). */
    static final int MAX_SECTION_LINES = 600;

    /**
     * The indexes (0-based, into {@code lines}) where sections start; the first is always 0.
     *
     * @param lines each line's terms ({@link TextAnalysis#terms}), in order
     */
    List<Integer> starts(List<List<String>> lines) {
        int n = lines.size();
        if (n < 2) {
            return List.of(0);
        }
        int[][] terms = termIds(lines);
        int vocabulary = 0;
        int total = 0;
        for (int[] line : terms) {
            total += line.length;
            for (int id : line) {
                vocabulary = Math.max(vocabulary, id + 1);
            }
        }
        if (total == 0) {
            return List.of(0);
        }
        double penalty = Math.log(total);
        // c log(c + 1) and len log(len + V), tabulated: the search below only adds and compares
        double[] cLogC = new double[total + 2];
        double[] lengthTerm = new double[total + 1];
        for (int c = 0; c < cLogC.length; c++) {
            cLogC[c] = c * Math.log(c + 1.0);
        }
        for (int len = 0; len <= total; len++) {
            lengthTerm[len] = len * Math.log(len + (double) vocabulary);
        }
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        int[] counts = new int[vocabulary];
        for (int i = 0; i < n; i++) {
            // the cost of section i..j: -sum_w c_w log((c_w + 1) / (len + V)), grown one line at a time
            double sumCLogC = 0;
            int length = 0;
            int last = Math.min(n, i + MAX_SECTION_LINES);
            for (int j = i; j < last; j++) {
                for (int w : terms[j]) {
                    int c = counts[w];
                    sumCLogC += cLogC[c + 1] - cLogC[c];
                    counts[w] = c + 1;
                    length++;
                }
                double cost = lengthTerm[length] - sumCLogC + penalty;
                if (best[i] + cost < best[j + 1]) {
                    best[j + 1] = best[i] + cost;
                    from[j + 1] = i;
                }
            }
            for (int j = i; j < last; j++) {
                for (int w : terms[j]) {
                    counts[w] = 0;
                }
            }
        }
        List<Integer> starts = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            starts.add(0, from[end]);
        }
        return starts;
    }

    /** Each line's terms as ids, leaving out terms that occur on one line only. */
    private static int[][] termIds(List<List<String>> analysed) {
        Map<String, Integer> linesWith = new HashMap<>();
        for (List<String> terms : analysed) {
            for (String term : new HashSet<>(terms)) {
                linesWith.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Integer> ids = new HashMap<>();
        int[][] out = new int[analysed.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = analysed.get(i).stream().filter(t -> linesWith.get(t) >= 2)
                    .mapToInt(t -> ids.computeIfAbsent(t, x -> ids.size())).toArray();
        }
        return out;
    }
}
