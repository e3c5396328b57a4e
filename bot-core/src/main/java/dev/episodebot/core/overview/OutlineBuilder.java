package dev.episodebot.core.overview;

import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.index.TextAnalysis;
import dev.episodebot.core.knowledge.Chunk;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the extractive {@link Outline} of one episode from its lines and the chunk vectors the
 * index holds:
 *
 * <ul>
 *   <li>sections from {@link TopicSegmenter};
 *   <li>each section's title: its most distinctive recurring phrases ({@link PhraseCandidates}),
 *       those used much more in the section than in the rest of the episode; its key lines: the
 *       lines densest in the section's own terms (tf-idf over the episode's lines);
 *   <li>the summary: maximal marginal relevance (Carbonell and Goldstein 1998, λ = 0.7) over the
 *       sections' best lines, relevance being a line's weight in the whole episode's terms and the
 *       closeness of its chunk's vector to the episode's mean vector, similarity the cosine of two
 *       sections' terms;
 *   <li>keywords: recurring phrases that are not everyday words, by how many lines use them;
 *   <li>names: capitalised Latin-script phrases and transliterations joined by a middle dot.
 * </ul>
 */
final class OutlineBuilder {

    static final int MIN_SUMMARY = 3;
    static final int MAX_SUMMARY = 6;
    static final int KEYWORDS = 30;
    static final int NAMES = 20;
    static final int TITLE_CHARS = 32;
    private static final double MMR_LAMBDA = 0.7;
    /** Lines shorter than this say little on their own (此外, 然而); a key line is longer when the section has one. */
    private static final int SHORT_LINE = 6;
    private static final Pattern DOTTED_NAME = Pattern.compile("\\p{IsHan}{1,3}(?:[·・•‧]\\p{IsHan}{1,4})+");

    private final TopicSegmenter segmenter = new TopicSegmenter();

    Outline build(EpisodeRecord episode, List<Chunk> chunks, List<float[]> chunkVectors) {
        List<TranscriptLine> lines = episode.lines();
        List<String> texts = lines.stream().map(TranscriptLine::text).toList();
        if (lines.isEmpty()) {
            return new Outline(episode.source(), episode.title(), List.of(), List.of(), List.of(), List.of());
        }
        Terms terms = new Terms(texts);
        List<Integer> starts = segmenter.starts(terms.analysed());
        List<PhraseCandidates.Phrase> phrases = PhraseCandidates.of(texts);

        List<int[]> ranges = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            ranges.add(new int[] {starts.get(s), s + 1 < starts.size() ? starts.get(s + 1) : lines.size()});
        }
        List<OutlineSection> sections = new ArrayList<>();
        List<List<Integer>> keyOf = new ArrayList<>();
        for (int[] range : ranges) {
            Map<String, Double> weights = terms.weights(range[0], range[1]);
            List<Integer> key = keyLines(terms, texts, range, weights);
            keyOf.add(key);
            TranscriptLine first = lines.get(range[0]);
            TranscriptLine last = lines.get(range[1] - 1);
            List<Outline.KeyLine> keyLines = key.stream().sorted().map(i -> keyLine(lines.get(i))).toList();
            sections.add(new OutlineSection(first.lineNumber(), last.lineNumber(), first.startMillis(), last.endMillis(),
                    title(phrases, range, texts, key.get(0)), keyLines));
        }
        List<Outline.KeyLine> summary = summary(terms, texts, ranges, keyOf, lineVectors(lines, chunks, chunkVectors))
                .stream().sorted().map(i -> keyLine(lines.get(i))).toList();
        return new Outline(episode.source(), episode.title(), sections, summary, keywords(phrases), names(phrases, texts));
    }

    private static Outline.KeyLine keyLine(TranscriptLine line) {
        return new Outline.KeyLine(line.lineNumber(), line.text().strip());
    }

    /** The section's one or two lines densest in its own weighted terms, best first (the second unlike the first). */
    private static List<Integer> keyLines(Terms terms, List<String> texts, int[] range, Map<String, Double> weights) {
        List<Integer> order = new ArrayList<>();
        for (int i = range[0]; i < range[1]; i++) {
            order.add(i);
        }
        boolean hasLong = order.stream().anyMatch(i -> length(texts.get(i)) >= SHORT_LINE);
        order.removeIf(i -> hasLong && length(texts.get(i)) < SHORT_LINE);
        Map<Integer, Double> score = new HashMap<>();
        for (int i : order) {
            score.put(i, terms.density(i, weights));
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -score.get(i)).thenComparing(i -> i));
        List<Integer> chosen = new ArrayList<>(List.of(order.get(0)));
        int sectionLines = range[1] - range[0];
        if (sectionLines >= 6) {
            for (int i : order.subList(1, order.size())) {
                if (terms.cosine(i, chosen.get(0)) < 0.5 && score.get(i) > 0) {
                    chosen.add(i);
                    break;
                }
            }
        }
        return chosen;
    }

    /** The section's two or three most distinctive phrases, or its best line shortened when it has none. */
    private static String title(List<PhraseCandidates.Phrase> phrases, int[] range, List<String> texts, int bestLine) {
        record Scored(PhraseCandidates.Phrase phrase, int inside, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (PhraseCandidates.Phrase p : phrases) {
            int inside = (int) p.lines().stream().filter(i -> i >= range[0] && i < range[1]).count();
            if (inside == 0 || (!p.capitalised() && p.latin())) {
                continue;
            }
            double share = (double) inside / p.lines().size();
            scored.add(new Scored(p, inside, inside * share * Math.log(1 + p.text().length())));
        }
        boolean anyRecurring = scored.stream().anyMatch(s -> s.inside() >= 2);
        scored.removeIf(s -> anyRecurring && s.inside() < 2);
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(s -> s.phrase().text()));
        List<String> picked = new ArrayList<>();
        int chars = 0;
        for (Scored s : scored) {
            String text = s.phrase().text();
            if (picked.stream().anyMatch(p -> p.contains(text) || text.contains(p))) {
                continue;
            }
            if (chars + text.length() > TITLE_CHARS || picked.size() == 3) {
                break;
            }
            picked.add(text);
            chars += text.length() + 3;
        }
        if (picked.isEmpty()) {
            return shorten(texts.get(bestLine).strip(), TITLE_CHARS);
        }
        return String.join(" · ", picked);
    }

    /**
     * MMR over the sections' key lines: 3–6 of them (about one for every two sections); two lines of
     * one section count as the same, lines of two sections as alike as the sections' terms.
     */
    private static List<Integer> summary(Terms terms, List<String> texts, List<int[]> ranges, List<List<Integer>> keyOf,
            List<float[]> lineVectors) {
        int want = Math.min(ranges.size(), Math.max(MIN_SUMMARY, Math.min(MAX_SUMMARY, (ranges.size() + 1) / 2)));
        Map<String, Double> whole = terms.weights(0, texts.size());
        float[] centroid = centroid(lineVectors);
        List<int[]> candidates = new ArrayList<>(); // {section, line}
        for (int s = 0; s < keyOf.size(); s++) {
            for (int line : keyOf.get(s)) {
                candidates.add(new int[] {s, line});
            }
        }
        double[] relevance = new double[candidates.size()];
        double maxLexical = 1e-9;
        for (int c = 0; c < candidates.size(); c++) {
            relevance[c] = terms.density(candidates.get(c)[1], whole);
            maxLexical = Math.max(maxLexical, relevance[c]);
        }
        for (int c = 0; c < candidates.size(); c++) {
            double lexical = relevance[c] / maxLexical;
            relevance[c] = centroid == null ? lexical
                    : (lexical + Math.max(0, dot(lineVectors.get(candidates.get(c)[1]), centroid))) / 2;
        }
        List<Map<String, Double>> sectionTerms = ranges.stream().map(r -> terms.weights(r[0], r[1])).toList();
        List<int[]> chosen = new ArrayList<>();
        Set<Integer> left = new LinkedHashSet<>();
        for (int c = 0; c < candidates.size(); c++) {
            left.add(c);
        }
        while (chosen.size() < want && !left.isEmpty()) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c : left) {
                int section = candidates.get(c)[0];
                double similar = 0;
                for (int[] taken : chosen) {
                    similar = Math.max(similar, taken[0] == section ? 1
                            : Terms.cosine(sectionTerms.get(section), sectionTerms.get(taken[0])));
                }
                double mmr = MMR_LAMBDA * relevance[c] - (1 - MMR_LAMBDA) * similar;
                if (mmr > bestScore) {
                    bestScore = mmr;
                    best = c;
                }
            }
            chosen.add(candidates.get(best));
            left.remove(best);
        }
        return chosen.stream().map(c -> c[1]).toList();
    }

    private static List<Outline.Keyword> keywords(List<PhraseCandidates.Phrase> phrases) {
        List<Outline.Keyword> out = new ArrayList<>();
        for (PhraseCandidates.Phrase p : phrases) {
            if (p.lines().size() >= 2) {
                out.add(new Outline.Keyword(p.text(), p.lines().size(), p.lines().size() * Math.log(1 + p.text().length())));
            }
        }
        out.sort(Comparator.comparingDouble((Outline.Keyword k) -> -k.score()).thenComparing(Outline.Keyword::text));
        return out.subList(0, Math.min(KEYWORDS, out.size()));
    }

    private static List<String> names(List<PhraseCandidates.Phrase> phrases, List<String> texts) {
        Map<String, Integer> count = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (PhraseCandidates.Phrase p : phrases) {
            if (p.capitalised() && !isAcronym(p.text())) {
                count.put(p.text(), p.lines().size());
                first.put(p.text(), p.lines().iterator().next());
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            var m = DOTTED_NAME.matcher(texts.get(i));
            while (m.find()) {
                count.merge(m.group(), 1, Integer::sum);
                first.putIfAbsent(m.group(), i);
            }
        }
        List<String> names = new ArrayList<>(count.keySet());
        names.sort(Comparator.comparingInt((String n) -> -count.get(n)).thenComparing(first::get));
        return names.subList(0, Math.min(NAMES, names.size()));
    }

    /** AI, GPU, CEO: short all-capital words name no one. */
    private static boolean isAcronym(String text) {
        return text.length() <= 4 && text.chars().noneMatch(Character::isLowerCase) && !text.contains(" ");
    }

    /** For each line, the mean of the vectors of the chunks that hold it (null when no chunk does). */
    private static List<float[]> lineVectors(List<TranscriptLine> lines, List<Chunk> chunks, List<float[]> vectors) {
        Map<Integer, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            indexOf.put(lines.get(i).lineNumber(), i);
        }
        float[][] sums = new float[lines.size()][];
        for (int c = 0; c < chunks.size() && c < vectors.size(); c++) {
            float[] v = vectors.get(c);
            if (v == null) {
                continue;
            }
            Set<Integer> seen = new HashSet<>();
            for (TranscriptLine line : chunks.get(c).lines()) {
                Integer i = indexOf.get(line.lineNumber());
                if (i == null || !seen.add(i)) {
                    continue;
                }
                if (sums[i] == null) {
                    sums[i] = new float[v.length];
                }
                for (int d = 0; d < v.length; d++) {
                    sums[i][d] += v[d];
                }
            }
        }
        List<float[]> out = new ArrayList<>();
        for (float[] sum : sums) {
            out.add(sum == null ? null : normalised(sum));
        }
        return out;
    }

    private static float[] centroid(List<float[]> vectors) {
        float[] sum = null;
        for (float[] v : vectors) {
            if (v == null) {
                return null;
            }
            if (sum == null) {
                sum = new float[v.length];
            }
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d];
            }
        }
        return sum == null ? null : normalised(sum);
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = norm == 0 ? 0 : (float) (v[d] / norm);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        if (a == null || b == null) {
            return 0;
        }
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    static int length(String text) {
        return text.strip().codePointCount(0, text.strip().length());
    }

    static String shorten(String text, int max) {
        if (length(text) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end).stripTrailing() + "…";
    }

    /** The index's terms of every line, with their line frequencies, for tf-idf weights. */
    static final class Terms {
        private final List<List<String>> analysed = new ArrayList<>();
        private final List<Map<String, Integer>> perLine = new ArrayList<>();
        private final Map<String, Integer> linesWith = new HashMap<>();
        private final int lines;

        Terms(List<String> texts) {
            this.lines = texts.size();
            for (String text : texts) {
                Map<String, Integer> counts = new HashMap<>();
                List<String> terms = TextAnalysis.terms(text);
                analysed.add(terms);
                for (String term : terms) {
                    counts.merge(term, 1, Integer::sum);
                }
                perLine.add(counts);
                counts.keySet().forEach(t -> linesWith.merge(t, 1, Integer::sum));
            }
        }

        /** Each line's terms, in order, with repeats. */
        List<List<String>> analysed() {
            return analysed;
        }

        /** tf-idf of the terms of lines [from, to): how often the span uses a term, against how many lines do. */
        Map<String, Double> weights(int from, int to) {
            Map<String, Double> out = new HashMap<>();
            for (int i = from; i < to; i++) {
                perLine.get(i).forEach((t, c) -> {
                    int df = linesWith.get(t);
                    if (df >= 2) {
                        out.merge(t, c * Math.log((double) lines / df), Double::sum);
                    }
                });
            }
            return out;
        }

        /** How much of the weighted terms one line holds, for its length. */
        double density(int line, Map<String, Double> weights) {
            Map<String, Integer> own = perLine.get(line);
            double sum = 0;
            for (String t : own.keySet()) {
                sum += weights.getOrDefault(t, 0.0);
            }
            return sum / Math.sqrt(own.size() + 4);
        }

        double cosine(int a, int b) {
            Map<String, Double> wa = new HashMap<>();
            Map<String, Double> wb = new HashMap<>();
            perLine.get(a).forEach((t, c) -> wa.put(t, (double) c));
            perLine.get(b).forEach((t, c) -> wb.put(t, (double) c));
            return cosine(wa, wb);
        }

        static double cosine(Map<String, Double> a, Map<String, Double> b) {
            double dot = 0;
            for (Map.Entry<String, Double> e : a.entrySet()) {
                Double o = b.get(e.getKey());
                if (o != null) {
                    dot += e.getValue() * o;
                }
            }
            double na = 0;
            for (double v : a.values()) {
                na += v * v;
            }
            double nb = 0;
            for (double v : b.values()) {
                nb += v * v;
            }
            return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
        }
    }
}
