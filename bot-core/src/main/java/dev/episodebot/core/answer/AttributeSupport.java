package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.embedding.LineVectors;
import dev.episodebot.core.knowledge.TranscriptLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Attribute coverage, beside subject coverage: whether the lines around the answering line state
 * the attribute a question asks about, not only its subject. A question about something the
 * episode mentions (Reka, Yi Tay) but an attribute it never gives (市值, 老家, 年薪) finds its subject
 * everywhere and its attribute nowhere.
 *
 * <p>The parts of the question's key phrases that the lines do not hold word for word are the
 * <em>missing parts</em> ({@link #missing}). A missing part is excused when it is the question's
 * answer-type cue (啥职位, 几月份, 多少钱) and the answering line holds an answer of that type (the
 * line names the position or the month without repeating the question's word for it). Any other
 * missing part must be held by a near synonym: its embedding close to the embedding of some word of
 * the lines ({@link #support}: 老婆 ↔ 妻子, 计算资源 ↔ 算力). The weakest missing part decides.
 */
final class AttributeSupport {

    /** Shortest and longest words of the lines compared with a missing part (ideographs; Latin words whole). */
    static final int SHORTEST_GRAM = 2;
    static final int LONGEST_GRAM = 3;
    /** The longest dictionary word looked for in a missing part. */
    static final int LONGEST_WORD = 4;

    private AttributeSupport() {}

    /**
     * The parts of {@code keyPhrases} that {@code held} does not accept: runs of at least two
     * ideographs none of whose bigrams the lines hold, and Latin words the lines do not hold.
     *
     * @param held whether the lines hold a piece of text (every term of it)
     */
    static List<String> missing(List<String> keyPhrases, Predicate<String> held) {
        Set<String> missing = new LinkedHashSet<>();
        for (String phrase : keyPhrases) {
            int i = 0;
            while (i < phrase.length()) {
                int cp = phrase.codePointAt(i);
                if (Language.isCjk(cp)) {
                    int end = i;
                    while (end < phrase.length() && Language.isCjk(phrase.codePointAt(end))) {
                        end += Character.charCount(phrase.codePointAt(end));
                    }
                    cjkRuns(phrase.substring(i, end), held, missing);
                    i = end;
                } else if (Character.isLetterOrDigit(cp)) {
                    int end = i;
                    while (end < phrase.length() && !Language.isCjk(phrase.codePointAt(end))
                            && !Character.isWhitespace(phrase.codePointAt(end))) {
                        end += Character.charCount(phrase.codePointAt(end));
                    }
                    String word = phrase.substring(i, end);
                    if (word.codePointCount(0, word.length()) >= 2 && !held.test(word)) {
                        missing.add(word);
                    }
                    i = end;
                } else {
                    i += Character.charCount(cp);
                }
            }
        }
        return new ArrayList<>(missing);
    }

    /**
     * The missing parts that are not excused: a part that overlaps one of the question's answer-type
     * cues in {@code question} is excused when {@code typedAnswer} (the answering line holds an
     * answer of the asked type).
     */
    static List<String> unexcused(List<String> missing, String question, List<String> cues, boolean typedAnswer) {
        if (!typedAnswer || cues.isEmpty()) {
            return missing;
        }
        String q = question.toLowerCase(java.util.Locale.ROOT);
        List<String> left = new ArrayList<>();
        for (String part : missing) {
            if (!overlapsAny(q, part.toLowerCase(java.util.Locale.ROOT), cues)) {
                left.add(part);
            }
        }
        return left;
    }

    private static boolean overlapsAny(String question, String part, List<String> cues) {
        for (int p = question.indexOf(part); p >= 0; p = question.indexOf(part, p + 1)) {
            for (String cue : cues) {
                for (int c = question.indexOf(cue); c >= 0; c = question.indexOf(cue, c + 1)) {
                    if (p < c + cue.length() && c < p + part.length()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The dictionary words in a missing part, longest first from the left (能免费下载 → 免费, 下载); a
     * part of ideographs with none is a fragment of two words (想花 in 想花多少钱) and drops out. A
     * Latin part stays as it is.
     */
    static List<String> words(List<String> parts, Predicate<String> isWord) {
        Set<String> words = new LinkedHashSet<>();
        for (String part : parts) {
            if (!Language.isCjk(part.codePointAt(0))) {
                words.add(part);
                continue;
            }
            int i = 0;
            while (i + 1 < part.length()) {
                int found = 0;
                for (int len = Math.min(LONGEST_WORD, part.length() - i); len >= 2 && found == 0; len--) {
                    if (isWord.test(part.substring(i, i + len))) {
                        found = len;
                    }
                }
                if (found > 0) {
                    words.add(part.substring(i, i + found));
                    i += found;
                } else {
                    i++;
                }
            }
        }
        return new ArrayList<>(words);
    }

    /** The runs of a run of ideographs whose characters are in no held bigram. */
    private static void cjkRuns(String run, Predicate<String> held, Set<String> missing) {
        int n = run.length();
        if (n < 2) {
            return;
        }
        boolean[] covered = new boolean[n];
        for (int i = 0; i + 1 < n; i++) {
            if (held.test(run.substring(i, i + 2))) {
                covered[i] = true;
                covered[i + 1] = true;
            }
        }
        int start = -1;
        for (int i = 0; i <= n; i++) {
            if (i < n && !covered[i]) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                if (i - start >= 2) {
                    missing.add(run.substring(start, i));
                }
                start = -1;
            }
        }
    }

    /** The words of {@code lines} a missing part is compared with: ideograph n-grams and Latin words. */
    static List<String> grams(List<String> lines) {
        Set<String> grams = new LinkedHashSet<>();
        for (String line : lines) {
            int i = 0;
            while (i < line.length()) {
                int cp = line.codePointAt(i);
                if (Language.isCjk(cp)) {
                    int end = i;
                    while (end < line.length() && Language.isCjk(line.codePointAt(end))) {
                        end++;
                    }
                    for (int a = i; a < end; a++) {
                        for (int len = SHORTEST_GRAM; len <= LONGEST_GRAM && a + len <= end; len++) {
                            grams.add(line.substring(a, a + len));
                        }
                    }
                    i = end;
                } else if (Character.isLetterOrDigit(cp)) {
                    int end = i;
                    while (end < line.length() && !Language.isCjk(line.codePointAt(end))
                            && (Character.isLetterOrDigit(line.codePointAt(end)) || line.charAt(end) == '-')) {
                        end++;
                    }
                    if (end - i >= 2) {
                        grams.add(line.substring(i, end));
                    }
                    i = end;
                } else {
                    i += Character.charCount(cp);
                }
            }
        }
        return new ArrayList<>(grams);
    }

    /**
     * How well the lines hold the weakest of the missing parts: for each, the best cosine of its
     * embedding to a word of the lines; the lowest of those (1 when nothing is missing).
     */
    static double support(List<String> missing, List<TranscriptLine> lines, LineVectors vectors) {
        if (missing.isEmpty()) {
            return 1;
        }
        List<String> grams = grams(lines.stream().map(TranscriptLine::text).toList());
        if (grams.isEmpty()) {
            return 0;
        }
        List<float[]> gramVectors = vectors.lines(grams);
        List<float[]> missingVectors = vectors.lines(missing);
        double weakest = 1;
        for (float[] m : missingVectors) {
            double best = -1;
            for (float[] g : gramVectors) {
                best = Math.max(best, LineScorer.dot(m, g));
            }
            weakest = Math.min(weakest, best);
        }
        return weakest;
    }
}
