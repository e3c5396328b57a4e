package dev.episodebot.core.retrieval;

import dev.episodebot.core.Language;
import java.util.Set;

/**
 * How much an analysed query term should count in BM25. Chinese questions are full of
 * interrogatives (什么, 哪些, 多少) and of bigrams that straddle a particle or pronoun (他在, 立的):
 * character bigrams cannot tell words from junk, so those terms are weighed down or dropped; a bigram
 * that only says how the question is asked ({@link StopWords#weightless}: 啥子, 请问, 节目) weighs nothing,
 * one of the other stop words (自己, 现在, 认为) little.
 * Latin words count fully (English stop words are already gone).
 */
final class QueryTermWeights {

    /** Particles, pronouns, copula and question characters: a bigram of two of these is noise. */
    private static final String FUNCTION_CHARS = "的了是在他她它我你您们这那吗呢吧啊么什哪谁几怎些着过得地就也都被把和与及之其啥咋嘛呀哈哦呗啦咱俺能会要想说讲里给还";

    /** Question words: they say what is asked, never what the answer contains. */
    private static final Set<String> QUESTION_WORDS = Set.of(
            "什么", "么时", "时候", "哪些", "哪个", "哪里", "哪儿", "哪天", "哪年", "哪位", "哪家", "哪款", "是谁", "多少",
            "几个", "几年", "几名", "几位", "怎么", "怎样", "么样", "如何", "为何", "为什", "有多", "多大", "多久", "多长",
            "是否", "有没", "请问", "告诉", "一下", "啥时", "咋样", "么名", "么地", "么意", "为啥");

    private QueryTermWeights() {}

    /** A weight in [0, 1]; 0 means leave the term out. */
    static float weight(String term) {
        int first = term.codePointAt(0);
        if (!Language.isCjk(first)) {
            return 1f;
        }
        if (term.codePointCount(0, term.length()) == 1) {
            return isFunction(term.charAt(0)) ? 0f : 0.5f;
        }
        if (QUESTION_WORDS.contains(term) || StopWords.weightless(term)) {
            return 0f;
        }
        if (StopWords.contains(term)) {
            return 0.3f;
        }
        boolean a = isFunction(term.charAt(0));
        boolean b = isFunction(term.charAt(term.length() - 1));
        if (a && b) {
            return 0f;
        }
        return a || b ? 0.3f : 1f;
    }

    private static boolean isFunction(char c) {
        return FUNCTION_CHARS.indexOf(c) >= 0;
    }
}
