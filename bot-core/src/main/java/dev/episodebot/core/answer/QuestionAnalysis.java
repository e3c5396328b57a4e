package dev.episodebot.core.answer;

import dev.episodebot.core.Language;
import dev.episodebot.core.index.IndexView;
import dev.episodebot.core.retrieval.LexicalSearcher;
import dev.episodebot.core.retrieval.StopWords;
import dev.episodebot.core.retrieval.WeightedTerm;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A question, analysed once and passed along every stage of answering it.
 *
 * @param asked the question as the user asked it (cleaned of control characters)
 * @param text the question without its stray words ({@link StrayWords}): what is searched
 * @param language the language it is asked in (the reply's)
 * @param knowledge the language the knowledge is written in ({@code IndexState.language()})
 * @param type the type of answer it asks for
 * @param quantity for a number question, what it counts (an age, money …)
 * @param list whether it asks for several answers (哪些, 有哪几, which models)
 * @param aboutEpisode whether it asks about the episode itself: who hosts it, which channel, what it is called
 * @param refersBack whether it refers to something said before (他, 这笔钱, 那人, it, that, the deal)
 * @param strayWords what was taken out of it
 * @param keyPhrases what it asks about: its content between stop words ({@link StopWords})
 * @param terms the distinct analysed terms of its key phrases, weighted, with their IDF in the knowledge
 * @param attribute the words of what it asks about that the knowledge never uses ({@link AskedAttribute})
 * @param possessed the thing and the attribute it asks about by the possessive (Reka 的 CEO), when the
 *     knowledge uses both words ({@link PossessedAttribute})
 */
public record QuestionAnalysis(String asked, String text, Language language, Language knowledge, AnswerType type,
        Quantity quantity,
        boolean list, boolean aboutEpisode, boolean refersBack, List<String> strayWords, List<String> keyPhrases,
        List<WeightedTerm> terms, List<AskedAttribute.Word> attribute, Optional<PossessedAttribute> possessed) {

    private static final Pattern ZH_LIST = Pattern.compile("哪些|哪几|都有什么|都有谁|都有啥|有什么和|分别是|分别有|列举|几个方面|哪几个方面|都有哪|哪些方面|有几种");
    private static final Pattern EN_LIST = Pattern.compile(
            "\\b(list|name (all|some|the|a few))\\b|\\bwhat (are|were) (the|some|all)\\b|\\bwhat (kinds|types|sorts) of\\b|\\bwhich (of the )?\\w+ies\\b|\\b(which|what) ([a-z]+ )?[a-z]{2,}[^s'aiuoe ]s\\b");
    private static final Pattern ZH_EPISODE = Pattern.compile(
            "主持人|主播|博主|up主|作者是|频道|节目名|节目叫|这期叫|叫什么节目|什么节目|哪个节目|标题|谁做的|谁讲的|谁主持|谁在讲|谁在说|哪个号|什么号|账号|开场");
    private static final Pattern EN_EPISODE = Pattern.compile(
            "\\bhost(s|ed|ing)?\\b|\\bchannel\\b|\\bpresenter\\b|\\bnarrator\\b|\\bwho (made|makes|is talking|is speaking|narrates|presents|runs)\\b"
                    + "|\\b(show|podcast|episode|video|channel)('s)? (called|named|name|title)\\b|\\btitle of\\b|\\bname of (the|this) (show|channel|podcast|episode|video)\\b");
    private static final Pattern ZH_BACK = Pattern.compile(
            "^(那|这|他|她|它|其|该|此|然后|还有|另外|所以|后来|那么)|这笔|那笔|这家|那家|这个人|那个人|那人|此人|对方|这件事|那件事|这事|那事|它们|他们|她们|这个模型|那个模型|这次|那次|[他她它]");
    private static final Pattern EN_BACK = Pattern.compile(
            "\\b(he|she|it|they|that|this|those|these|them|his|her|its|their|him|the deal|the company|the team|there)\\b|^(and|so|then|what about|how about|and then)\\b");

    public QuestionAnalysis {
        strayWords = List.copyOf(strayWords);
        keyPhrases = List.copyOf(keyPhrases);
        terms = List.copyOf(terms);
        attribute = List.copyOf(attribute);
    }

    /** Whether it is asked in another language than the knowledge's (its words cannot be expected verbatim). */
    public boolean crossLanguage() {
        return language != knowledge;
    }

    /** Whether a line holds an answer of the type asked (a number of the quantity asked). */
    boolean answeredBy(String line) {
        return type.heldBy(line) && quantity.heldBy(line);
    }

    /** Its key phrases as one search text. */
    public String content() {
        return String.join(" ", keyPhrases);
    }

    /** The summed weighted IDF of its terms the knowledge uses. */
    public double knownMass() {
        return terms.stream().filter(t -> t.idf() > 0).mapToDouble(t -> t.weight() * t.idf()).sum();
    }

    /**
     * Analyses a question against the knowledge of {@code index}.
     *
     * @param translator finds stray foreign words and translates code-mixed ones
     */
    public static QuestionAnalysis of(String question, IndexView index, QueryTranslator translator) {
        Language knowledge = index.state().language();
        LexicalSearcher lexical = new LexicalSearcher(index);
        StrayWords.Cleaned cleaned = StrayWords.clean(question, knowledge,
                word -> lexical.terms(word).stream().anyMatch(t -> lexical.idf(t) > 0),
                translator::isCommonWord,
                word -> translator.translate(word, index).map(QueryTranslator.Translation::query).orElse(""));
        return of(question, cleaned, knowledge, lexical, translator);
    }

    /** Analyses a question with term statistics from {@code lexical} (stray words already known). */
    static QuestionAnalysis of(String asked, StrayWords.Cleaned cleaned, Language knowledge, LexicalSearcher lexical,
            QueryTranslator translator) {
        String text = cleaned.text().isBlank() ? asked : cleaned.text();
        String lower = text.toLowerCase(Locale.ROOT);
        Language language = Language.detect(text);
        List<String> phrases = StopWords.keyPhrases(text, bigram -> lexical.idf(bigram) > 0);
        List<WeightedTerm> terms = lexical.queryTerms(String.join(" ", phrases));
        boolean list = ZH_LIST.matcher(lower).find() || (language == Language.EN && EN_LIST.matcher(lower).find());
        // on the words as asked too: a stray-word pass may take a Latin part of a cue (the "up" of up主)
        String askedLower = asked.toLowerCase(Locale.ROOT);
        boolean episode = ZH_EPISODE.matcher(lower).find() || EN_EPISODE.matcher(lower).find()
                || ZH_EPISODE.matcher(askedLower).find() || EN_EPISODE.matcher(askedLower).find();
        boolean back = ZH_BACK.matcher(lower).find() || EN_BACK.matcher(lower).find();
        AnswerType type = AnswerType.of(text);
        Quantity quantity = Quantity.of(text, type);
        return new QuestionAnalysis(asked, text, language, knowledge, type, quantity, list, episode, back,
                cleaned.removed(), phrases, terms,
                AskedAttribute.of(text, type, quantity, language, knowledge, lexical, translator),
                PossessedAttribute.of(text, language, knowledge, lexical));
    }
}
