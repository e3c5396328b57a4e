package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.StopWords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks about that the knowledge has no word for. A question asking for a number, a
 * date or a place names a thing and asks for one of its attributes: the word next to its question word
 * (Reka 目前<b>市值</b>多少, Snowflake <b>总部</b>在哪, Yi Tay 是哪年<b>出生</b>的). Each such dictionary word
 * that the knowledge never uses is kept with the words sharing one of its meanings that the knowledge
 * does use (老婆 → wife → 妻子). A word with none asks for something the episode does not state,
 * however well the thing the question names matches ({@link CoverageJudge} then wants a closer line).
 *
 * <p>Not attributes: the words that ask for the answer's type (叫什么名字, 什么职位, 年纪), which the type
 * check speaks for; a word overlapping a known word on either side (加入|微软 → 入微), which is
 * segmentation junk; a colloquial word the dictionary does not know (骨子里), which may well be a
 * paraphrase. Who, what, why and yes/no questions are left out: there the word next to the question
 * word is as often a predicate, which people paraphrase freely (上司是谁, 买下了吗).
 */
final class AskedAttribute {

    /**
     * An attribute word.
     *
     * @param word the word, which the knowledge never uses
     * @param synonyms the words sharing one of its meanings that the knowledge uses (possibly none)
     */
    record Word(String word, List<String> synonyms) {
        Word {
            synonyms = List.copyOf(synonyms);
        }
    }

    /** The words of the attribute that the knowledge has no synonym for at all. */
    static List<String> unstated(List<Word> attribute) {
        return attribute.stream().filter(w -> w.synonyms().isEmpty()).map(Word::word).toList();
    }

    /** The words that ask (多少, 哪, 谁, 吗 …): the word next to one is what the question asks about. */
    private static final Pattern ASKING = Pattern.compile("多少|几|哪|什么|啥|谁|吗|咋|怎么|如何|多大|多长|多久|多高|多远|多重|是否|有没有|是不是");
    /** Fillers that may stand between the asking word and what it asks about (营收大概多少). */
    private static final Pattern FILLER = Pattern.compile("大概|大约|一共|总共|到底|究竟|具体|一般|通常");
    /** Characters at most between an asking word and the word it asks about (总部在哪, 多少块显卡). */
    static final int SLOT_GAP = 1;

    /** The longest word looked up. */
    static final int LONGEST = 4;

    private AskedAttribute() {}

    /** The attribute words of a question asked in the knowledge's language (none for another language). */
    static List<Word> of(String question, AnswerType type, Quantity quantity, Language language, Language knowledge,
            LexicalSearcher lexical, QueryTranslator dictionary) {
        if (language != knowledge || knowledge != Language.ZH || !asksForValue(type)) {
            return List.of();
        }
        String asked = quantity.withoutCue(type.withoutCue(question));
        List<String> runs = new ArrayList<>();
        for (String phrase : StopWords.keyPhrases(asked, bigram -> lexical.idf(bigram) > 0)) {
            runs.addAll(cjkRuns(phrase));
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String run : runs) {
            for (int i = 0; i < run.length(); i++) {
                for (int n = 2; n <= LONGEST && i + n <= run.length(); n++) {
                    String word = run.substring(i, i + n);
                    if (unknown(word, lexical) && !partOfKnownWord(run, i, n, lexical)) {
                        candidates.add(word);
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        String compact = FILLER.matcher(question).replaceAll("");
        List<int[]> asking = new ArrayList<>();
        Matcher m = ASKING.matcher(compact);
        while (m.find()) {
            asking.add(new int[] {m.start(), m.end()});
        }
        candidates.removeIf(word -> !inSlot(compact, word, asking));
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> synonyms = dictionary.synonyms(candidates);
        List<Word> words = new ArrayList<>();
        for (String run : runs) {
            int i = 0;
            while (i < run.length()) {
                int n = Math.min(LONGEST, run.length() - i);
                while (n >= 2 && !synonyms.containsKey(run.substring(i, i + n))) {
                    n--;
                }
                if (n < 2) {
                    i++;
                    continue;
                }
                String word = run.substring(i, i + n);
                words.add(new Word(word, known(synonyms.get(word), word, lexical)));
                i += n;
            }
        }
        return words;
    }

    /**
     * Whether the type asks for a value of the thing named (how much, when, where): there the word the
     * question word asks about is an attribute (市值多少, 总部在哪, 哪年出生). In a who, what, why or
     * yes/no question it is as often the predicate, which people paraphrase freely (上司是谁, 买下了吗).
     */
    static boolean asksForValue(AnswerType type) {
        return type == AnswerType.NUMBER || type == AnswerType.DATE || type == AnswerType.PLACE;
    }

    /** Whether the word stands next to an asking word, at most {@link #SLOT_GAP} characters away. */
    private static boolean inSlot(String text, String word, List<int[]> asking) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            for (int[] a : asking) {
                if ((a[0] >= end && a[0] - end <= SLOT_GAP) || (at >= a[1] && at - a[1] <= SLOT_GAP)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The runs of ideographs of a phrase. */
    private static List<String> cjkRuns(String phrase) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Language.isCjk(c)) {
                run.append(c);
            } else if (run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    /**
     * Whether the characters at {@code i} (length {@code n}) overlap a word the knowledge uses on
     * either side (加入|微软 → 入微, 谷歌|后 → 歌后): character runs make such junk at every boundary.
     */
    private static boolean partOfKnownWord(String run, int i, int n, LexicalSearcher lexical) {
        return (i > 0 && lexical.idf(run.substring(i - 1, i + 1)) > 0)
                || (i + n < run.length() && lexical.idf(run.substring(i + n - 1, i + n + 1)) > 0);
    }

    /** Whether the knowledge uses none of the word's terms (bigrams). */
    private static boolean unknown(String word, LexicalSearcher lexical) {
        List<String> terms = lexical.terms(word);
        return !terms.isEmpty() && terms.stream().allMatch(t -> lexical.idf(t) <= 0);
    }

    /** The synonyms of two or more characters the knowledge uses (every term of them occurs). */
    private static List<String> known(Collection<String> synonyms, String word, LexicalSearcher lexical) {
        List<String> known = new ArrayList<>();
        for (String synonym : synonyms) {
            if (synonym.equals(word) || synonym.codePointCount(0, synonym.length()) < 2) {
                continue;
            }
            List<String> terms = lexical.terms(synonym);
            if (!terms.isEmpty() && terms.stream().allMatch(t -> lexical.idf(t) > 0)) {
                known.add(synonym);
            }
        }
        return known;
    }
}
