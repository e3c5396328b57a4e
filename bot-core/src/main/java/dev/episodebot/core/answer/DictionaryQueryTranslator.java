package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.retrieval.LexicalSearcher;
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
            + "up out over after before episode video podcast say said says mention mentioned talk talked many much").split(" ")));

    /** Entries of a few words a word stands in, for the words whose own entry the knowledge does not use. */
    static final int PHRASE_WORDS = 3;

    private final Map<String, List<String>> dictionary;
    /** Each word → the keys of {@link #PHRASE_WORDS} words at most that hold it (keynote → keynote speech), shortest first. */
    private volatile Map<String, List<String>> phrasesOf;

    private DictionaryQueryTranslator(Map<String, List<String>> dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * The phrase keys of each word, built when an English question first needs them: building them
     * doubles the load, which runs beside a start's first answers, and Chinese questions never use them.
     */
    private Map<String, List<String>> phrasesOf() {
        Map<String, List<String>> phrases = phrasesOf;
        if (phrases == null) {
            synchronized (this) {
                phrases = phrasesOf;
                if (phrases == null) {
                    phrases = phrasesOf(dictionary.keySet());
                    phrasesOf = phrases;
                }
            }
        }
        return phrases;
    }

    /** The phrase keys of each word. */
    static Map<String, List<String>> phrasesOf(java.util.Collection<String> keys) {
        Map<String, List<String>> phrases = new HashMap<>();
        for (String key : keys) {
            String[] words = key.split(" ");
            if (words.length < 2 || words.length > PHRASE_WORDS) {
                continue;
            }
            for (String word : new LinkedHashSet<>(List.of(words))) {
                if (!STOP.contains(word)) {
                    phrases.computeIfAbsent(word, w -> new ArrayList<>()).add(key);
                }
            }
        }
        for (List<String> list : phrases.values()) {
            list.sort(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()));
        }
        return phrases;
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
        List<String> untranslated = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i + 2 < words.size()) {
                out.addAll(known(lookup(word + " " + words.get(i + 1) + " " + words.get(i + 2)), lexical));
            }
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
            if (translations.isEmpty() && !found) {
                translations = known(inPhrases(word), lexical); // keynote → keynote speech → 主旨演讲
            }
            if (!translations.isEmpty()) {
                out.addAll(translations);
                found = true;
            }
            if (found) {
                matched++;
            } else {
                untranslated.add(word);
            }
        }
        if (out.isEmpty()) {
            return Optional.of(new Translation("", 0, untranslated));
        }
        return Optional.of(new Translation(String.join(" ", out), content == 0 ? 0 : (double) matched / content,
                untranslated));
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
     * One pass over the word list: every entry of at most {@link #PHRASE_WORDS} English words whose
     * translations hold one of {@code words} adds its translations to that word's synonyms.
     */
    @Override
    public Map<String, Set<String>> synonyms(java.util.Collection<String> words) {
        Set<String> wanted = new java.util.HashSet<>(words);
        Map<String, Set<String>> synonyms = new HashMap<>();
        if (wanted.isEmpty()) {
            return synonyms;
        }
        for (Map.Entry<String, List<String>> entry : dictionary.entrySet()) {
            List<String> translations = entry.getValue();
            for (String translation : translations) {
                if (wanted.contains(translation) && spaces(entry.getKey()) < PHRASE_WORDS) {
                    synonyms.computeIfAbsent(translation, w -> new LinkedHashSet<>()).addAll(translations);
                }
            }
        }
        return synonyms;
    }

    private static int spaces(String key) {
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    private List<String> lookup(String word) {
        List<String> all = new ArrayList<>(dictionary.getOrDefault(word, List.of()));
        for (String base : baseForms(word)) {
            all.addAll(dictionary.getOrDefault(base, List.of()));
        }
        return all;
    }

    /** The translations of the phrase entries that hold the word (or its base form), shortest phrase first. */
    private List<String> inPhrases(String word) {
        List<String> all = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        forms.add(word);
        forms.addAll(baseForms(word));
        for (String form : forms) {
            for (String phrase : phrasesOf().getOrDefault(form, List.of())) {
                all.addAll(dictionary.get(phrase));
            }
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
