package dev.episodebot.core.overview;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The phrases of a transcript that could be keywords or title words, found without a dictionary:
 *
 * <ul>
 *   <li>Latin-script terms: runs of capitalised words ({@code Google DeepMind}, {@code Yi Tay}) and
 *       other words that are not English stop words;
 *   <li>Chinese phrases: substrings of 2–6 ideographs that recur on at least two lines and are
 *       maximal (no longer recurring phrase holds them on as many lines), that neither start nor end
 *       with a function character (的, 了, 是, …) and are not everyday words (the background list
 *       {@code everyday-zh.txt}).
 * </ul>
 *
 * Each phrase carries the lines it occurs on.
 */
final class PhraseCandidates {

    /** A phrase and the indexes (0-based) of the lines it occurs on. */
    record Phrase(String text, Set<Integer> lines, boolean latin, boolean capitalised) {}

    private static final int MIN_CJK = 2;
    private static final int MAX_CJK = 6;
    /** Characters a Chinese phrase may not start or end with: particles, pronouns, copulas, measure words. */
    private static final String FUNCTION_CHARS = "的了是在和与也都就还而及或被把对从向这那我你他她它们个些吗呢吧啊着过得地很又才再将要会能让给为以之其所并且但如若则即";
    private static final Pattern CJK_RUN = Pattern.compile("[\\p{IsHan}]+");
    /** A Latin word: letters and digits, with inner dots, hyphens or apostrophes (GPT-4, Node.js). */
    private static final Pattern LATIN_WORD = Pattern.compile("[\\p{IsLatin}\\d]+(?:[-.'’][\\p{IsLatin}\\d]+)*");
    private static final Set<String> EVERYDAY = load("everyday-zh.txt");

    private PhraseCandidates() {}

    /** Whether {@code text} is an everyday Chinese word of the background list. */
    static boolean everyday(String text) {
        return EVERYDAY.contains(text);
    }

    static List<Phrase> of(List<String> lines) {
        Map<String, Phrase> found = new LinkedHashMap<>();
        latin(lines, found);
        chinese(lines, found);
        return List.copyOf(found.values());
    }

    private static void latin(List<String> lines, Map<String, Phrase> found) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LATIN_WORD.matcher(lines.get(i));
            List<String> run = new ArrayList<>();
            int runEnd = -1;
            while (m.find()) {
                String word = m.group();
                boolean capital = Character.isUpperCase(word.codePointAt(0));
                boolean adjacent = runEnd >= 0 && lines.get(i).substring(runEnd, m.start()).isBlank();
                if (capital && (run.isEmpty() || adjacent)) {
                    run.add(word);
                } else {
                    addRun(run, i, found);
                    run.clear();
                    if (capital) {
                        run.add(word);
                    } else if (isContentWord(word)) {
                        add(found, word.toLowerCase(Locale.ROOT), i, true, false);
                    }
                }
                runEnd = m.end();
            }
            addRun(run, i, found);
        }
    }

    private static void addRun(List<String> run, int line, Map<String, Phrase> found) {
        if (run.isEmpty()) {
            return;
        }
        String phrase = String.join(" ", run);
        if (run.size() == 1 && !isContentWord(phrase)) {
            return;
        }
        add(found, phrase, line, true, true);
    }

    private static boolean isContentWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return word.codePointCount(0, word.length()) >= 2 && !lower.chars().allMatch(Character::isDigit)
                && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(lower);
    }

    private static void chinese(List<String> lines, Map<String, Phrase> found) {
        // every substring of 2..MAX_CJK ideographs, with the lines it occurs on and where
        Map<String, Occurrences> all = new HashMap<>();
        List<int[]> runs = new ArrayList<>(); // {line, code points...} per run, to look at neighbours
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CJK_RUN.matcher(lines.get(i));
            while (m.find()) {
                int[] run = m.group().codePoints().toArray();
                int runIndex = runs.size();
                runs.add(run);
                for (int start = 0; start + MIN_CJK <= run.length; start++) {
                    for (int len = MIN_CJK; len <= MAX_CJK && start + len <= run.length; len++) {
                        all.computeIfAbsent(new String(run, start, len), k -> new Occurrences()).add(i, runIndex, start);
                    }
                }
            }
        }
        for (Map.Entry<String, Occurrences> e : all.entrySet()) {
            Occurrences o = e.getValue();
            if (o.lines.size() < 2 || !wellFormed(e.getKey()) || !maximal(e.getKey(), o, runs)) {
                continue;
            }
            for (int line : o.lines) {
                add(found, e.getKey(), line, false, false);
            }
        }
    }

    /** Where one substring occurs: its lines, and (run, start) of every occurrence. */
    private static final class Occurrences {
        final Set<Integer> lines = new java.util.TreeSet<>();
        final List<int[]> at = new ArrayList<>();

        void add(int line, int run, int start) {
            lines.add(line);
            at.add(new int[] {run, start, line});
        }
    }

    /**
     * Whether no one-character extension of {@code text} occurs on as many lines (then {@code text} is
     * only a piece of a longer recurring phrase: 到了很多关于 of 学到了很多关于).
     */
    private static boolean maximal(String text, Occurrences o, List<int[]> runs) {
        int length = text.codePointCount(0, text.length());
        Map<String, Set<Integer>> extensions = new HashMap<>();
        for (int[] at : o.at) {
            int[] run = runs.get(at[0]);
            if (at[1] > 0) {
                extensions.computeIfAbsent(new String(run, at[1] - 1, length + 1), k -> new HashSet<>()).add(at[2]);
            }
            if (at[1] + length < run.length) {
                extensions.computeIfAbsent(new String(run, at[1], length + 1), k -> new HashSet<>()).add(at[2]);
            }
        }
        // every occurrence of an extension holds one of text, so these are all the extension's lines
        return extensions.values().stream().noneMatch(where -> where.size() >= o.lines.size());
    }

    /** Not an everyday word, not made of everyday words, no function character at either end. */
    private static boolean wellFormed(String text) {
        if (FUNCTION_CHARS.indexOf(text.charAt(0)) >= 0 || FUNCTION_CHARS.indexOf(text.charAt(text.length() - 1)) >= 0) {
            return false;
        }
        if (EVERYDAY.contains(text)) {
            return false;
        }
        for (int cut = 2; cut <= text.length() - 2; cut++) {
            if (EVERYDAY.contains(text.substring(0, cut)) && EVERYDAY.contains(text.substring(cut))) {
                return false;
            }
        }
        return true;
    }

    private static void add(Map<String, Phrase> found, String text, int line, boolean latin, boolean capitalised) {
        found.computeIfAbsent(text, t -> new Phrase(t, new java.util.TreeSet<>(), latin, capitalised)).lines().add(line);
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PhraseCandidates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    for (String word : line.strip().split("\\s+")) {
                        if (!word.isEmpty()) {
                            words.add(word);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
