package dev.episodebot.core.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an English question asks about, as the word its grammar puts in the asked slot: the head noun
 * counted (how many <b>subscribers</b> does …), the possessed noun (what is Reka's <b>valuation</b>, the
 * <b>capital</b> of …) or the participle of a where/when question (where is Snowflake
 * <b>headquartered</b>, when was he <b>born</b>). It is the English twin of {@link AskedAttribute}: when
 * the offline dictionary cannot turn that word into any word the knowledge uses, the episode does not
 * state what is asked, however well the thing the question names matches ({@link CoverageJudge}).
 *
 * <p>Only the slot counts: the other words of a question are as often verbs and adverbs that people
 * paraphrase freely (how much did they pay to <i>bring in</i> …), which the translation misses without
 * the episode missing the answer.
 */
final class ForeignAttribute {

    /** Words that end a possessed noun phrase without being part of it (what is Reka's valuation right now). */
    private static final Set<String> TRAILING = Set.of("right", "now", "today", "currently", "these", "days", "then",
            "nowadays", "called", "named", "in", "at", "on", "of", "for", "from", "with", "by", "exactly", "again",
            "actually", "total", "overall", "like", "really");
    /** Heads that ask for the answer's kind, not for an attribute (what's the name of …, the number of …). */
    private static final Set<String> CUES = Set.of("name", "names", "number", "amount", "kind", "type", "sort", "title");

    private static final String AUX = "(?:did|does|do|is|was|are|were|has|have|had|can|could|will|would|should)";
    /** how many / how much + the noun phrase before the auxiliary: the head noun is its last word. */
    private static final Pattern COUNTED = Pattern.compile("\\bhow (?:many|much) ((?:[a-z][a-z0-9'-]* ){1,3}?)" + AUX + "\\b");
    /** what is / what's X's …: the words after the possessive. */
    private static final Pattern POSSESSED = Pattern.compile("\\bwhat(?:'s| is| was| are| were)\\b[^?]*?'s ((?:[a-z][a-z0-9-]* ?){1,4})");
    /** what is the … of: the head noun before "of". */
    private static final Pattern OF = Pattern.compile("\\bwhat(?:'s| is| was| are| were) (?:the |a |an )?((?:[a-z][a-z0-9-]* ){1,3}?)of\\b");
    /** where / when is X …ed (born, known): the participle that ends the question. */
    private static final Pattern PARTICIPLE = Pattern.compile("^(?:where|when) (?:is|was|are|were)\\b.*?\\b([a-z]+(?:ed|en|rn|wn))\\W*$");

    private ForeignAttribute() {}

    /** The words in the asked slot of an English question (lower case; none when its grammar has no slot). */
    static List<String> of(String question) {
        String q = question.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        Set<String> words = new LinkedHashSet<>();
        Matcher counted = COUNTED.matcher(q);
        if (counted.find()) {
            head(counted.group(1)).ifPresent(words::add);
        }
        Matcher possessed = POSSESSED.matcher(q);
        if (possessed.find()) {
            head(possessed.group(1)).ifPresent(words::add);
        }
        Matcher of = OF.matcher(q);
        if (of.find()) {
            head(of.group(1)).ifPresent(words::add);
        }
        Matcher participle = PARTICIPLE.matcher(q);
        if (participle.find()) {
            words.add(participle.group(1));
        }
        return new ArrayList<>(words);
    }

    /** The last word of a noun phrase before any word that ends it. */
    private static Optional<String> head(String phrase) {
        String head = null;
        for (String word : phrase.strip().split("\\s+")) {
            if (TRAILING.contains(word)) {
                break;
            }
            if (!word.isEmpty() && !word.equals("the")) {
                head = CUES.contains(word) ? null : word;
            }
        }
        return Optional.ofNullable(head);
    }
}
