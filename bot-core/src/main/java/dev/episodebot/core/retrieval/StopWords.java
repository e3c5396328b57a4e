package dev.episodebot.core.retrieval;

import dev.episodebot.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a question asks about, without how it is asked: a general stop list for both languages —
 * question words (什么, 啥, 咋, 多久, who, how), particles and pronouns (的, 吗, 呢, 他, 那个), colloquial
 * fillers (一下, 到底, 那阵子, btw), and words about the episode itself (节目, 视频, 这期, episode) — is
 * taken out, and what is left falls into <em>key phrases</em>: runs of content between the removed
 * words. Key phrases are what retrieval and coverage weigh; the stop list is the same for every
 * question and every knowledge folder.
 *
 * <p>Chinese has no spaces, so the removal is a forward longest match over the stop list: at each
 * ideograph the longest stop word starting there is removed, otherwise the ideograph is kept.
 * Single-character entries are only those that rarely start or end a content word in a question
 * (的, 吗, 他, 谁, 啥); 能, 会, 说, 里, 最, 之 and the like stay, and {@link QueryTermWeights} weighs
 * the bigrams they make.
 */
public final class StopWords {

    /** Chinese words that say how a question is asked, never what it is about: they weigh nothing. */
    private static final Set<String> CHINESE = Set.copyOf(List.of(
            // question words
            "什么", "什么样", "什么时候", "啥", "啥子", "甚么", "怎么", "怎么样", "怎样", "咋", "咋样", "咋回事", "如何", "为什么",
            "为啥", "为何", "干嘛", "干啥", "哪", "哪个", "哪些", "哪里", "哪儿", "哪位", "哪家", "哪款", "哪种", "哪一个", "哪一",
            "哪几", "哪几个", "几", "几个", "多少", "多久", "多长", "多大", "多高", "多远", "多重", "多少钱", "谁", "是谁", "何时",
            "哪天", "哪一天", "哪年", "哪一年", "哪个月", "几月", "几号", "啥时候", "啥时",
            "何处", "叫什么", "叫啥", "是否", "是不是", "有没有", "能不能", "会不会", "可不可以", "要不要", "算不算", "对不对", "有多",
            // particles and interjections
            "吗", "呢", "吧", "么", "嘛", "呀", "啊", "哈", "哦", "喔", "噢", "呗", "啦", "咯", "喽", "嘞", "哇", "嗯", "诶", "欸",
            "哎", "唉", "嘿", "嗨", "呐", "罢了", "而已", "来着",
            // single-character pronouns and function words
            "我", "你", "您", "他", "她", "它", "这", "那", "此", "其", "的", "地", "得", "了", "着", "过", "是", "在", "有", "和",
            "与", "及", "跟", "或", "也", "都", "就", "又", "才", "被", "很", "太", "挺",
            // asking and politeness
            "请问", "请", "告诉", "说说", "讲讲", "聊聊", "谈谈", "想知道", "知道", "问一下", "问问", "想问", "好奇",
            // the episode itself
            "节目", "视频", "这期", "本期", "这一期", "这集", "本集", "里面", "提到", "提及", "说了", "讲了", "谈到", "聊了",
            "说的", "讲的"));

    /**
     * Chinese words that rarely say what a question is about but sometimes match the transcript's
     * own wording (自己, 认为, 现在): they are not key phrases, and weigh little in BM25.
     */
    private static final Set<String> CHINESE_LIGHT = Set.copyOf(List.of(
            "我们", "你们", "他们", "她们", "它们", "咱", "咱们", "俺", "人家", "自己", "这个", "那个", "这些", "那些", "这里",
            "那里", "这儿", "那儿", "这样", "那样", "这么", "那么", "这种", "那种", "这位", "那位", "这家", "那家", "这笔", "那笔",
            "或者", "还是", "比较", "一下", "一点", "一些", "有点", "到底", "究竟", "具体", "大概", "大约", "主要", "一般",
            "通常", "当时", "那时", "那时候", "那会儿", "那阵子", "那段时间", "这段时间", "后来", "最后", "最终", "现在", "目前",
            "如今", "之前", "以前", "之后", "以后", "当初", "一共", "总共", "总的", "分别", "都有", "还有", "可以", "能够", "觉得",
            "认为", "介绍", "内容"));

    /** English stop words: function words, question words, fillers and words about the episode itself. */
    private static final Set<String> ENGLISH = Set.copyOf(List.of(("a an and are as at be but by for if in into is it no not of on or "
            + "such that the their then there these they this to was will with what which who whom whose when where why "
            + "how did do does done doing have has had having can could would should shall may might must am been being "
            + "were i me my mine you your yours he him his she her hers we us our ours them theirs its it's about tell "
            + "please any some so than too very just also from up down out over after before didn't doesn't isn't wasn't "
            + "episode video podcast show say said says mention mentioned talk talked talks speaker guy hey hi hello "
            + "thanks thank btw lol ok okay um uh well actually really kind sort exactly like get got know want wondering "
            + "curious quick question today now then again all much many").split(" ")));

    private static final int LONGEST = 5;
    /** Single-character stop words that also begin or end content words (成就, 邀请, 参与, 有限, 现在). */
    private static final String PART_OF_WORDS = "在有是和与及也都就又才被很太挺跟或此其地得着过这那请";

    private StopWords() {}

    /** Whether {@code word} (a Chinese word or an English word) is a stop word (of either kind). */
    public static boolean contains(String word) {
        return CHINESE.contains(word) || CHINESE_LIGHT.contains(word) || ENGLISH.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code word} only says how a question is asked (什么, 吗, 请问, 节目): it weighs nothing. */
    public static boolean weightless(String word) {
        return CHINESE.contains(word) || ENGLISH.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * The key phrases of a text: what is left between stop words and punctuation, in order (Latin
     * words each their own phrase unless they stand together, as in "Yi Tay").
     */
    public static List<String> keyPhrases(String text) {
        return keyPhrases(text, bigram -> false);
    }

    /**
     * The key phrases of a text, keeping a single-character stop word that is part of a word the
     * knowledge uses ({@code knownBigram}): 就 in 成就, 请 in 邀请, 与 in 参与, 有 in 有限.
     */
    public static List<String> keyPhrases(String text, java.util.function.Predicate<String> knownBigram) {
        List<String> phrases = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Language.isCjk(cp)) {
                int stop = stopAt(text, i);
                if (stop == 1 && PART_OF_WORDS.indexOf(text.charAt(i)) >= 0 && inWord(text, i, knownBigram)) {
                    stop = 0;
                }
                if (stop > 0) {
                    flush(current, phrases);
                    i += stop;
                    continue;
                }
                if (current.length() > 0 && !Language.isCjk(current.codePointBefore(current.length()))) {
                    flush(current, phrases);
                }
                current.appendCodePoint(cp);
                i += Character.charCount(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                int end = i;
                while (end < text.length() && isWordChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String word = text.substring(i, end);
                if (ENGLISH.contains(word.toLowerCase(Locale.ROOT))) {
                    flush(current, phrases);
                } else {
                    if (current.length() > 0) {
                        if (Language.isCjk(current.codePointBefore(current.length()))) {
                            flush(current, phrases);
                        } else {
                            current.append(' ');
                        }
                    }
                    current.append(word);
                }
                i = end;
            } else {
                if (!(Character.isWhitespace(cp) && current.length() > 0
                        && !Language.isCjk(current.codePointBefore(current.length())))) {
                    flush(current, phrases);
                }
                i += Character.charCount(cp);
            }
        }
        flush(current, phrases);
        return phrases;
    }

    /** The text's key phrases joined by spaces: the question as a search engine should see it. */
    public static String content(String text) {
        return String.join(" ", keyPhrases(text));
    }

    /** Whether the ideograph at {@code i} forms a known bigram with a neighbour that is no stop character. */
    private static boolean inWord(String text, int i, java.util.function.Predicate<String> knownBigram) {
        if (i > 0 && Language.isCjk(text.charAt(i - 1)) && !CHINESE.contains(text.substring(i - 1, i))
                && knownBigram.test(text.substring(i - 1, i + 1))) {
            return true;
        }
        return i + 1 < text.length() && Language.isCjk(text.charAt(i + 1)) && !CHINESE.contains(text.substring(i + 1, i + 2))
                && knownBigram.test(text.substring(i, i + 2));
    }

    /** The length of the longest Chinese stop word at {@code i}, or 0. */
    private static int stopAt(String text, int i) {
        for (int length = Math.min(LONGEST, text.length() - i); length >= 1; length--) {
            String word = text.substring(i, i + length);
            if (CHINESE.contains(word) || CHINESE_LIGHT.contains(word)) {
                return length;
            }
        }
        return 0;
    }

    private static boolean isWordChar(int cp) {
        return !Language.isCjk(cp) && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '\'' || cp == '.' || cp == '_');
    }

    private static void flush(StringBuilder current, List<String> phrases) {
        String phrase = current.toString().strip();
        if (!phrase.isEmpty()) {
            phrases.add(phrase.replaceAll("[.'\\-]+$", ""));
        }
        current.setLength(0);
    }
}
