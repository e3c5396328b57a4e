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
 * Inflections fold to the dictionary's forms (went → go, getting → get, smallest → small); "how long"
 * and "how old" ask for a measure and are not translated; "this episode" names the show, "a podcast"
 * something in it. Used when the knowledge is mostly Chinese, the question is English, and no LLM
 * translates; {@link #mixedQuery} translates the few English words of a Chinese question.
 */
public final class DictionaryQueryTranslator implements QueryTranslator {

    private static final int PER_WORD = 3;
    private static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(("a an and are as at be but by for if in into is it no not of on or "
            + "such that the their then there these they this to was will with what which who whom whose when where why "
            + "how did do does done have has had can could would should may might must am been being were i me my you "
            + "your he him his she her we us our they them its about tell please any some so than too very just also from "
            + "up out over after before list say said says mention mentioned talk talked many much").split(" ")));

    /** Irregular past forms and participles of common verbs (went → go), which suffix folding misses. */
    private static final Map<String, String> IRREGULAR = irregular("went go gone go got get gotten get made make built build "
            + "left leave spoke speak spoken speak took take taken take gave give given give came come began begin begun begin "
            + "brought bring bought buy thought think told tell found find felt feel kept keep held hold met meet paid pay "
            + "sold sell sent send spent spend stood stand understood understand won win wrote write written write ran run "
            + "saw see seen see knew know known know grew grow grown grow became become chose choose chosen choose "
            + "lost lose led lead meant mean fell fall fallen fall rose rise risen rise quit quit hit hit put put set set "
            + "taught teach caught catch sought seek fought fight drove drive driven drive ate eat eaten eat broke break broken break "
            + "did do done do was be were be had have says say said say ");

    private static Map<String, String> irregular(String pairs) {
        String[] words = pairs.trim().split(" ");
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < words.length; i += 2) {
            map.put(words[i], words[i + 1]);
        }
        return Map.copyOf(map);
    }

    /** Chinese suffixes that make an adjective or a verb of a noun stem (技术性, 现代化). */
    private static final String DERIVATIONAL = "性化式型";

    /** A lower-case Latin word (a common word, not a name) inside other text. */
    private static final java.util.regex.Pattern LATIN_WORD = java.util.regex.Pattern.compile("(?<![A-Za-z0-9])[a-z][a-z'\\-]*[a-z](?![A-Za-z0-9])");

    /** Words that, after "how", ask for a measure (how long, how old) and name nothing the knowledge holds. */
    private static final Set<String> HOW_WORDS = Set.of("long", "old", "big", "large", "far", "often", "soon", "tall", "early", "late");

    /** Words that name the show itself after {@link #SHOW_DEICTICS} ("this episode"), and something in it otherwise. */
    private static final Set<String> SHOW_WORDS = Set.of("episode", "episodes", "video", "podcast", "show", "ep", "vid");
    private static final Set<String> SHOW_DEICTICS = Set.of("this", "the", "your", "today's", "today");

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
        boolean[] inPhrase = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i + 2 < words.size()) {
                List<String> phrase = known(lookup(word + " " + words.get(i + 1) + " " + words.get(i + 2)), lexical);
                if (!phrase.isEmpty()) {
                    out.addAll(phrase);
                    inPhrase[i] = inPhrase[i + 1] = inPhrase[i + 2] = true;
                }
            }
            if (i + 1 < words.size()) {
                List<String> phrase = known(lookup(word + " " + words.get(i + 1)), lexical);
                if (!phrase.isEmpty() && !(STOP.contains(word) && STOP.contains(words.get(i + 1)))) {
                    out.addAll(phrase);
                    inPhrase[i] = inPhrase[i + 1] = true;
                }
            }
            if (STOP.contains(word) || word.length() < 2 || showWord(words, i) || (i > 0 && words.get(i - 1).equals("how")
                    && HOW_WORDS.contains(word))) {
                continue;
            }
            content++;
            boolean asItIs = inKnowledge(word, lexical);
            if (asItIs) {
                out.add(word);
            }
            List<String> translations = known(lookup(word), lexical);
            if (translations.isEmpty() && !asItIs && !inPhrase[i]) {
                translations = known(inPhrases(word), lexical); // keynote → keynote speech → 主旨演讲
            }
            out.addAll(translations);
            if (asItIs || !translations.isEmpty() || inPhrase[i]) {
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

    /**
     * Whether the word at {@code i} names the show itself ("this episode", "the podcast", "in the
     * video") rather than something in it ("which podcast was he on?").
     */
    private static boolean showWord(List<String> words, int i) {
        if (!SHOW_WORDS.contains(words.get(i))) {
            return false;
        }
        return i > 0 && SHOW_DEICTICS.contains(words.get(i - 1));
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

    /**
     * The dictionary's translations of a word or phrase and of its base forms (of a phrase: its last
     * word's, then its first word's: going back → go back); a hyphenated word
     * (first-author, co-founder) is looked up as the phrase its parts make, then by its last part.
     */
    private List<String> lookup(String word) {
        List<String> all = new ArrayList<>(dictionary.getOrDefault(word, List.of()));
        for (String base : baseForms(word)) {
            all.addAll(dictionary.getOrDefault(base, List.of()));
        }
        int space = word.indexOf(' ');
        if (space > 0) { // going back → go back
            for (String base : baseForms(word.substring(0, space))) {
                all.addAll(dictionary.getOrDefault(base + word.substring(space), List.of()));
            }
        }
        int hyphen = word.lastIndexOf('-');
        if (hyphen > 0 && hyphen < word.length() - 1) {
            all.addAll(lookup(word.replace('-', ' ')));
            all.addAll(lookup(word.substring(hyphen + 1)));
        }
        return all;
    }

    /** Whether {@code question} holds a lower-case Latin word, the only kind {@link #mixedQuery} translates. */
    static boolean hasLowerCaseWord(String question) {
        return LATIN_WORD.matcher(question).find();
    }

    /**
     * A Chinese question over Chinese knowledge with lower-case English words in it ("Reka 的 funding
     * 一共多少"): the question with each such word the knowledge does not use replaced by those of
     * its translations it does; empty when no word is replaced.
     */
    @Override
    public Optional<String> mixedQuery(String question, IndexView index) {
        if (!hasLowerCaseWord(question) || index.isEmpty() || index.state().language() != Language.ZH
                || Language.detect(question) != Language.ZH) {
            return Optional.empty();
        }
        LexicalSearcher lexical = new LexicalSearcher(index);
        java.util.regex.Matcher m = LATIN_WORD.matcher(question);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        while (m.find()) {
            String word = m.group();
            List<String> translations = word.length() < 3 || STOP.contains(word) || inKnowledge(word, lexical)
                    ? List.of() : known(lookup(word), lexical);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(translations.isEmpty() ? word
                    : " " + String.join(" ", translations) + " "));
            replaced |= !translations.isEmpty();
        }
        m.appendTail(out);
        return replaced ? Optional.of(out.toString()) : Optional.empty();
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
        if (word.endsWith("ing") && word.length() > 4) {
            forms.add(word.substring(0, word.length() - 3));
            forms.add(word.substring(0, word.length() - 3) + "e");
        }
        if ((word.endsWith("ing") || word.endsWith("ed")) && word.length() > 5) {
            String stem = word.substring(0, word.length() - (word.endsWith("ing") ? 3 : 2));
            int n = stem.length();
            if (stem.charAt(n - 1) == stem.charAt(n - 2)) {
                forms.add(stem.substring(0, n - 1)); // getting → get, planned → plan
            }
        }
        if (word.endsWith("est") && word.length() > 5) {
            forms.add(word.substring(0, word.length() - 3)); // smallest → small
        }
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            forms.add(irregular);
        }
        if (word.endsWith("'s")) {
            forms.add(word.substring(0, word.length() - 2));
        }
        return forms;
    }

    /**
     * The translations the knowledge uses (every term of the word occurs), at most {@link #PER_WORD}.
     * A translation made with a derivational suffix (技术性 "technical", 多样化) stands for its stem
     * (技术) when the knowledge uses that: it says 技术团队 far more often than the dictionary's adjective.
     */
    private static List<String> known(List<String> candidates, LexicalSearcher lexical) {
        List<String> result = new ArrayList<>(PER_WORD);
        List<String> withStems = new ArrayList<>(candidates.size());
        for (String candidate : candidates) {
            int n = candidate.codePointCount(0, candidate.length());
            if (n >= 3 && DERIVATIONAL.indexOf(candidate.codePointBefore(candidate.length())) >= 0) {
                String stem = candidate.substring(0, candidate.offsetByCodePoints(0, n - 1));
                if (inKnowledge(stem, lexical)) {
                    withStems.add(stem); // the suffix's rare bigram (术性) would outweigh the stem
                    continue;
                }
            }
            withStems.add(candidate);
        }
        for (String candidate : withStems) {
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
