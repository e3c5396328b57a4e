package dev.episodebot.core.answer;

import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import java.util.List;

/** The fixed texts of the bot, in Chinese and English. */
public final class Messages {

    private Messages() {}

    public static String quoteIntro(Language language, boolean crossLanguage) {
        if (language == Language.ZH) {
            return "节目里是这样说的：";
        }
        return crossLanguage ? "Here is what the episode says (quoted in its original language):" : "Here is what the episode says:";
    }

    public static String alsoIntro(Language language) {
        return language == Language.ZH ? "另一处也提到：" : "It also says:";
    }

    public static String source(Language language, Citation citation) {
        String lines = citation.lineStart() == citation.lineEnd()
                ? (language == Language.ZH ? "第 " + citation.lineStart() + " 行" : "line " + citation.lineStart())
                : (language == Language.ZH ? "第 " + citation.lineStart() + "–" + citation.lineEnd() + " 行"
                        : "lines " + citation.lineStart() + "–" + citation.lineEnd());
        StringBuilder sb = new StringBuilder(language == Language.ZH ? "—— " : "— ");
        sb.append(citation.source()).append(language == Language.ZH ? "，" : ", ").append(lines);
        if (citation.start() != null) {
            sb.append(language == Language.ZH ? "，" : ", ").append(citation.start());
            if (citation.end() != null && !citation.end().equals(citation.start())) {
                sb.append("–").append(citation.end());
            }
        }
        if (citation.url() != null) {
            sb.append(' ').append(citation.url());
        }
        return sb.toString();
    }

    public static String notCovered(Language language, List<String> episodes) {
        String titles = String.join(language == Language.ZH ? "、" : ", ", episodes.subList(0, Math.min(3, episodes.size())));
        if (language == Language.ZH) {
            return "这个问题节目里没有谈到，我没法根据节目内容回答。" + (titles.isEmpty() ? "" : "（我了解的节目：" + titles + "）");
        }
        return "The episode doesn't cover that, so I can't answer it from the transcript."
                + (titles.isEmpty() ? "" : " (Episodes I know: " + titles + ")");
    }

    public static String noKnowledge(Language language) {
        return language == Language.ZH
                ? "我还没有任何节目内容：知识库是空的。请管理员把字幕文件（.txt、.md、.srt、.vtt）放进知识库文件夹。"
                : "I have no knowledge yet: the knowledge folder is empty. An operator can add transcript files "
                        + "(.txt, .md, .srt, .vtt) to it.";
    }

    public static String llmUnsourcedNote(Language language) {
        return language == Language.ZH
                ? "（语言模型的回答没有引用节目原文，因此不予采用；以下是节目原文摘录。）"
                : "(The language model's answer cited no transcript passage, so it is not shown; here are the matching "
                        + "transcript lines instead.)";
    }

    public static String llmFallbackNote(Language language) {
        return language == Language.ZH
                ? "（语言模型暂时不可用，以下是节目原文摘录。）"
                : "(The language model is unavailable right now; here are the matching transcript lines instead.)";
    }
}
