package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.retrieval.LexicalSearcher;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question that asks for an attribute of something by the possessive, right before its question
 * word: <b>Reka</b> 的 <b>CEO</b> 是谁, <b>Yi Tay</b> 的<b>孩子</b>现在多大. When the knowledge uses both words
 * but never within a few lines of each other, it names the thing and it names the attribute, but never
 * says the one of the other (the episode's CEO is Adept's, its child is not named): the question asks
 * for something the episode does not state, however close the lines about the thing are
 * ({@link CoverageJudge} then wants a closer line, as for {@link AskedAttribute}).
 *
 * <p>Only words the knowledge uses count (an unknown one is {@link AskedAttribute}'s); pronouns and
 * words of time (他的, 现在的) own nothing; the attribute is a word of at most four characters standing
 * next to the question word, optionally after an adverb and a copula (的 CEO 是谁, 的孩子现在多大); of a
 * four-character compound only its head counts (的技术团队 → 团队).
 *
 * @param owner the thing that has the attribute (Reka)
 * @param attribute what is asked about it (CEO)
 */
record PossessedAttribute(String owner, String attribute) {

    /** Lines around a line holding the attribute where the owner is looked for (the key-phrase reach). */
    static final int REACH = LineScorer.PHRASE_REACH;
    /** Lines holding the attribute read at most; more means it is too common to tell (it is then taken as stated). */
    static final int LINES_READ = 64;

    private static final String ASKING = "是谁|叫什么|叫啥|是什么|是啥|是多少|有多少|多少|在哪|是哪|哪|多大|多长|多久|几|什么|啥|谁";
    private static final Pattern POSSESSIVE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9\\-]*|\\p{IsHan}{2,4})\\s*的\\s*([A-Za-z][A-Za-z0-9\\-]*|\\p{IsHan}{2,4}?)\\s*"
                    + "(?:现在|目前|平时|到底|究竟|一共|大概|大约)?\\s*(?:是|叫|有|在)?\\s*(?:" + ASKING + ")");
    /** Words that own nothing: pronouns and words of time. */
    private static final Set<String> NOT_OWNERS = Set.of("他们", "她们", "它们", "我们", "你们", "现在", "目前", "之前",
            "以前", "当时", "平时", "自己", "这个", "那个", "这家", "那家", "以后", "后来");

    /** The possessive pair of a question in the knowledge's language (Chinese), when both its words are known. */
    static Optional<PossessedAttribute> of(String question, Language language, Language knowledge, LexicalSearcher lexical) {
        if (language != knowledge || knowledge != Language.ZH) {
            return Optional.empty();
        }
        Matcher m = POSSESSIVE.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        String owner = m.group(1);
        String attribute = head(m.group(2));
        if (NOT_OWNERS.contains(owner) || NOT_OWNERS.contains(attribute) || !known(owner, lexical) || !known(attribute, lexical)) {
            return Optional.empty();
        }
        return Optional.of(new PossessedAttribute(owner, attribute));
    }

    /**
     * Whether the knowledge says the one of the other: a line holding every term of the attribute has
     * every term of the owner within {@link #REACH} lines (true too when too many lines hold it to tell).
     */
    boolean statedTogether(LexicalSearcher lexical, EpisodeLines episodes) {
        List<String> attributeTerms = lexical.terms(attribute);
        List<String> ownerTerms = lexical.terms(owner);
        List<LexicalSearcher.LineHit> hits = lexical.searchLines(attribute, LINES_READ);
        if (hits.size() >= LINES_READ) {
            return true;
        }
        for (LexicalSearcher.LineHit hit : hits) {
            if (!new HashSet<>(lexical.terms(hit.text())).containsAll(attributeTerms)) {
                continue;
            }
            Set<String> near = new HashSet<>();
            for (var line : episodes.window(hit.source(), hit.lineNumber(), REACH, REACH)) {
                near.addAll(lexical.terms(line.text()));
            }
            if (near.containsAll(ownerTerms)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The head of a four-character compound, its last two characters (技术团队 → 团队): the modifier narrows
     * what is asked, and the episode names the head with the thing where it names the compound apart
     * from it (Reka … 团队 / 不到 15 人的技术团队, nine lines on).
     */
    static String head(String attribute) {
        return attribute.length() == 4 && Language.isCjk(attribute.charAt(0)) ? attribute.substring(2) : attribute;
    }

    /** Whether the knowledge uses every term of the word. */
    private static boolean known(String word, LexicalSearcher lexical) {
        List<String> terms = lexical.terms(word);
        return !terms.isEmpty() && terms.stream().allMatch(t -> lexical.idf(t) > 0);
    }
}
