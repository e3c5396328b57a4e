package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.StopWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Offline English → Chinese query translation with a word list derived from CC-CEDICT
 * ({@code dict/en-zh.tsv.gz}, CC BY-SA 4.0). Each content word of an English question is looked
 * up (with simple plural/past/gerund folding, and two-word phrases first); only translations that
 * the knowledge actually uses are kept (at most three per word), which removes most of the
 * dictionary's ambiguity. Words the knowledge uses as they are (names such as "Reka") stay.
 * Used when the knowledge is mostly Chinese, the question is English, and no LLM translates.
 */
public final class DictionaryQueryTranslator implements QueryTranslator {

    private static final int PER_WORD = 3;
    private static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(("a an and are as at be but by for if in into is it no not of on or "
            + "such that the their then there these they this to was will with what which who whom whose when where why "
            + "how did do does done have has had can could would should may might must am been being were i me my you "
            + "your he him his she her we us our they them its about tell please any some so than too very just also from "
            + "up out over after before episode video podcast say said says mention mentioned talk talked").split(" ")));

    /** The longest Chinese word looked up when rephrasing. */
    private static final int LONGEST_WORD = 4;
    /** English words a Chinese word is rephrased through at most. */
    private static final int PIVOTS = 6;

    private final Map<String, List<String>> dictionary;
    /** Chinese word → the single English words it translates (the dictionary read backwards). */
    private final Map<String, List<String>> reverse;

    private DictionaryQueryTranslator(Map<String, List<String>> dictionary) {
        this.dictionary = dictionary;
        Map<String, List<String>> back = new HashMap<>(80_000);
        dictionary.forEach((english, chinese) -> {
            if (english.indexOf(' ') < 0) {
                for (String word : chinese) {
                    int length = word.codePointCount(0, word.length());
                    if (length >= 2 && length <= LONGEST_WORD) {
                        back.computeIfAbsent(word, w -> new ArrayList<>(2)).add(english);
                    }
                }
            }
        });
        this.reverse = back;
    }

    /** Loads the bundled word list. */
    public static DictionaryQueryTranslator load() {
        Map<String, List<String>> dictionary = new HashMap<>(120_000);
        try (InputStream raw = DictionaryQueryTranslator.class.getClassLoader().getResourceAsStream("dict/en-zh.tsv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("dict/en-zh.tsv.gz is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    dictionary.put(line.substring(0, tab), List.of(line.substring(tab + 1).split(" ")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DictionaryQueryTranslator(dictionary);
    }

    @Override
    public Optional<Translation> translate(String question, IndexView index) {
        if (index.isEmpty() || index.state().language() != Language.ZH || Language.detect(question) != Language.EN) {
            return Optional.empty();
        }
        LexicalSearcher lexical = new LexicalSearcher(index);
        List<String> words = words(question);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        int content = 0;
        int matched = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i + 1 < words.size()) {
                List<String> phrase = known(lookup(word + " " + words.get(i + 1)), lexical);
                if (!phrase.isEmpty() && !(STOP.contains(word) && STOP.contains(words.get(i + 1)))) {
                    out.addAll(phrase);
                }
            }
            if (STOP.contains(word) || word.length() < 2) {
                continue;
            }
            content++;
            boolean found = false;
            if (inKnowledge(word, lexical)) {
                out.add(word);
                found = true;
            }
            List<String> translations = known(lookup(word), lexical);
            if (!translations.isEmpty()) {
                out.addAll(translations);
                found = true;
            }
            if (found) {
                matched++;
            }
        }
        if (out.isEmpty()) {
            return Optional.of(new Translation("", 0));
        }
        return Optional.of(new Translation(String.join(" ", out), content == 0 ? 0 : (double) matched / content));
    }

    @Override
    public boolean isCommonWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (!lower.equals(word) || lower.length() < 2) {
            return false;
        }
        if (dictionary.containsKey(lower)) {
            return true;
        }
        for (String base : baseForms(lower)) {
            if (dictionary.containsKey(base)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each word of a Chinese question (found by longest match against the dictionary) that the
     * Chinese knowledge never uses: the words it does use for the same English words — Latin names as
     * they are (谷歌 → google), Chinese synonyms through English (老婆 → wife → 妻子), at most
     * three.
     */
    @Override
    public Map<String, List<String>> rephrase(String question, IndexView index) {
        Map<String, List<String>> result = new java.util.LinkedHashMap<>();
        if (index.isEmpty() || index.state().language() != Language.ZH) {
            return result;
        }
        LexicalSearcher lexical = new LexicalSearcher(index);
        int i = 0;
        while (i < question.length()) {
            if (!Language.isCjk(question.codePointAt(i))) {
                i += Character.charCount(question.codePointAt(i));
                continue;
            }
            int length = Math.min(LONGEST_WORD, question.length() - i);
            String word = null;
            for (; length >= 2; length--) {
                String candidate = question.substring(i, i + length);
                if (reverse.containsKey(candidate)) {
                    word = candidate;
                    break;
                }
            }
            if (word == null) {
                i++;
                continue;
            }
            if (!StopWords.contains(word) && !inKnowledge(word, lexical) && !result.containsKey(word)) {
                LinkedHashSet<String> known = new LinkedHashSet<>();
                Map<String, Integer> pivotsOf = new HashMap<>();
                List<String> pivots = reverse.get(word).subList(0, Math.min(PIVOTS, reverse.get(word).size()));
                for (String english : pivots) {
                    if (inKnowledge(english, lexical)) {
                        known.add(english);
                    }
                    for (String synonym : known(dictionary.getOrDefault(english, List.of()), lexical)) {
                        if (!synonym.equals(word)) {
                            pivotsOf.merge(synonym, 1, Integer::sum);
                        }
                    }
                }
                // a synonym through one sense of an ambiguous English word (年纪 → age → 时代) is another
                // word: it must be reached through two of the word's senses, or the word have only one
                for (Map.Entry<String, Integer> synonym : pivotsOf.entrySet()) {
                    if (synonym.getValue() >= 2 || pivots.size() == 1) {
                        known.add(synonym.getKey());
                    }
                }
                if (!known.isEmpty()) {
                    result.put(word, new ArrayList<>(known).subList(0, Math.min(PER_WORD, known.size())));
                }
            }
            i += length;
        }
        return result;
    }

    private List<String> lookup(String word) {
        List<String> all = new ArrayList<>(dictionary.getOrDefault(word, List.of()));
        for (String base : baseForms(word)) {
            all.addAll(dictionary.getOrDefault(base, List.of()));
        }
        return all;
    }

    /** Simple English inflection folding: papers → paper, acquired → acquire, reported → report, leaving → leave. */
    static List<String> baseForms(String word) {
        List<String> forms = new ArrayList<>();
        if (word.endsWith("ies") && word.length() > 4) {
            forms.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("es") && word.length() > 3) {
            forms.add(word.substring(0, word.length() - 2));
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
            forms.add(word.substring(0, word.length() - 1));
        }
        if (word.endsWith("ed") && word.length() > 4) {
            forms.add(word.substring(0, word.length() - 2));
            forms.add(word.substring(0, word.length() - 1));
        }
        if (word.endsWith("ing") && word.length() > 5) {
            forms.add(word.substring(0, word.length() - 3));
            forms.add(word.substring(0, word.length() - 3) + "e");
        }
        if (word.endsWith("'s")) {
            forms.add(word.substring(0, word.length() - 2));
        }
        return forms;
    }

    /** The translations the knowledge uses (every term of the word occurs), at most {@link #PER_WORD}. */
    private static List<String> known(List<String> candidates, LexicalSearcher lexical) {
        List<String> result = new ArrayList<>(PER_WORD);
        for (String candidate : candidates) {
            if (result.size() >= PER_WORD) {
                break;
            }
            if (candidate.codePointCount(0, candidate.length()) >= 2 && !result.contains(candidate)
                    && inKnowledge(candidate, lexical)) {
                result.add(candidate);
            }
        }
        return result;
    }

    private static boolean inKnowledge(String text, LexicalSearcher lexical) {
        List<String> terms = lexical.terms(text);
        if (terms.isEmpty()) {
            return false;
        }
        for (String term : terms) {
            if (lexical.idf(term) <= 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> words(String question) {
        List<String> words = new ArrayList<>();
        for (String raw : question.toLowerCase(Locale.ROOT).split("[^a-z0-9'\\-]+")) {
            String word = raw.replaceAll("^['-]+|['-]+$", "");
            if (word.endsWith("'s")) {
                word = word.substring(0, word.length() - 2);
            }
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
