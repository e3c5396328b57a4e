package dev.episodebot.core.answer;

import dev.episodebot.core.retrieval.WeightedTerm;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a question about the episode as a whole (这期节目讲了什么, 给我总结一下, what is this
 * episode about, tl;dr) in two steps, neither of which knows any particular question:
 *
 * <ol>
 *   <li>an <b>overview cue</b>: a word that asks for the gist (总结, 概括, 大意, 主要内容, 讲了什么,
 *       summary, gist, overview, recap, tl;dr, "what … about", main points …);
 *   <li><b>nothing specific left</b>: once the cues, words that point at the episode itself (这期,
 *       节目, 视频, this, episode, video …) and question words are taken out, no remaining term occurs
 *       in the knowledge. "总结一下 Reka 的融资" keeps Reka and 融资, which the episode holds: that is a
 *       question about Reka, answered as one.
 * </ol>
 *
 * <p>A gist noun (主旨, 主题, 核心, 重点, 主要 …) that heads a compound the knowledge itself uses is
 * not a cue but part of that word: "他在哪个会议上做了主旨演讲" asks about a keynote (主旨演讲), "Reka 的核心团队"
 * about a team. It is a compound when the noun's last character and the next one form a bigram the
 * knowledge holds, the next one being neither a particle or function character nor the start of
 * another cue (主要内容, 核心内容 stay cues).
 */
public final class OverviewQuestions {

    /** Words asking for the gist. */
    private static final Pattern ZH_CUES = Pattern.compile(
            "总结|概括|概述|归纳|综述|简介|介绍|梳理|提炼|划重点|重点|要点|要旨|大意|大概|主旨|主题|中心思想|核心|主要|内容|简单说|简单讲|"
                    + "亮点|看点|精华|干货|梗概|脉络|"
                    + "一句话|长话短说|(?:讲|说|聊|谈)(?:了|的)?(?:些|个|点)?(?:什么|啥|哪些)|关于(?:什么|啥)|是关于|讲的是|说的是|讲述|在讲|在说|在聊");
    /** Gist nouns: a cue on their own or before a particle, the head of a compound before a content word. */
    private static final Pattern ZH_NOUN_CUES = Pattern.compile(
            "重点|要点|要旨|大意|主旨|主题|中心思想|核心|主要|内容|简介|亮点|看点|精华|干货|梗概|脉络");
    private static final Pattern EN_CUES = Pattern.compile(
            "\\b(?:summar(?:y|ies|ise|ize|ised|ized|ising|izing)|sum(?:ming)? (?:it|this|that|things)? ?up|tl;? ?dr|tldr|"
                    + "gist|overview|recap|synopsis|rundown|outline|highlights?|takeaways?|main (?:points?|ideas?|topics?|themes?)|"
                    + "key (?:points?|ideas?|topics?|themes?)|in a nutshell|in (?:short|brief)|brief(?:ly)?|"
                    + "what(?:'s| is| was| are| were)? (?:\\w+ ){0,4}about|what (?:does|did|do) (?:\\w+ ){0,3}(?:cover|say|discuss|talk about|deal with)|"
                    + "what (?:happens|happened)|topics? (?:covered|discussed)|"
                    + "what(?:'s| is| was| gets| got| are| were)? (?:\\w+ ){0,2}(?:discussed|covered|talked about)|"
                    + "what(?:'s| is) the (?:story|deal)|break(?:s|ing)? (?:\\w+ ){0,3}down|breakdown)\\b");
    /** Words that point at the episode itself, politeness and filler, in both languages. */
    private static final Pattern REFERENCE = Pattern.compile(
            "这一?期|本期|这一?集|本集|整期|全期|这个|这部|这段|这篇|节目|视频|播客|影片|音频|全文|全篇|一下|下|给我|帮我|跟我|和我|为我|请|能不能|能否|可以|可不可以|"
                    + "简单|简要|简短|大致|大体|整体|总体|总的|全部|一共|到底|究竟|"
                    + "\\b(?:this|the|that|it|its|episode|episodes|video|podcast|show|talk|transcript|clip|please|pls|me|us|give|can|could|"
                    + "you|your|quick|quickly|short|few|lines?|sentences?|words?|a|an|in|of|for|about|is|was|what|whats|tell|i|want|need|"
                    + "just|so|ok|okay|hey|hi|all|whole|entire|overall|generally|basically|here|there|they|he|she|we|being)\\b");
    private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private OverviewQuestions() {}

    /**
     * Whether {@code question} asks about the episode as a whole.
     *
     * @param queryTerms the knowledge's weighted terms of a text ({@code LexicalSearcher.queryTerms}: weight
     *     below 1 for particles and question words, idf 0 for a term the knowledge does not hold)
     */
    public static boolean isOverview(String question, Function<String, List<WeightedTerm>> queryTerms) {
        String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'');
        if (text.codePointCount(0, text.length()) > 120) {
            return false;
        }
        StringBuilder withoutCues = new StringBuilder(text);
        boolean cue = false;
        Matcher zh = ZH_CUES.matcher(text);
        while (zh.find()) {
            if (!headsCompound(text, zh.start(), zh.end(), queryTerms)) {
                cue = true;
                for (int i = zh.start(); i < zh.end(); i++) {
                    withoutCues.setCharAt(i, ' ');
                }
            }
        }
        Matcher en = EN_CUES.matcher(withoutCues);
        cue |= en.find();
        if (!cue) {
            return false;
        }
        String rest = en.replaceAll(" ");
        rest = REFERENCE.matcher(rest).replaceAll(" ");
        rest = NOT_WORD.matcher(rest).replaceAll(" ").strip();
        if (rest.isEmpty()) {
            return true;
        }
        // a content term of the knowledge left over (a name, a topic) makes it a question about that
        return queryTerms.apply(rest).stream().noneMatch(t -> t.weight() >= 1f && t.idf() > 0
                && t.term().codePointCount(0, t.term().length()) > 1);
    }

    /** Whether the cue at {@code start..end} of {@code text} is a gist noun heading a compound the knowledge uses. */
    private static boolean headsCompound(String text, int start, int end,
            Function<String, List<WeightedTerm>> queryTerms) {
        if (end >= text.length() || !ZH_NOUN_CUES.matcher(text).region(start, end).matches()
                || ZH_CUES.matcher(text).region(end, text.length()).lookingAt()) {
            return false;
        }
        String bigram = text.substring(end - 1, end + 1);
        return queryTerms.apply(bigram).stream()
                .anyMatch(t -> t.term().equals(bigram) && t.weight() >= 1f && t.idf() > 0);
    }
}
