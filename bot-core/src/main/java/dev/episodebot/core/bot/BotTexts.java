package dev.episodebot.core.bot;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.Language;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.index.RefreshReport;
import dev.episodebot.core.index.SourceSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The texts of the informational commands and of refusals, in Chinese and English. */
final class BotTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private BotTexts() {}

    static String help(Language language, List<String> titles) {
        String episodes = titles.isEmpty() ? null : String.join(language == Language.ZH ? "、" : ", ", titles);
        StringBuilder sb = new StringBuilder();
        if (language == Language.ZH) {
            sb.append(episodes == null ? "我还没有收录任何节目。" : "我可以回答关于这些节目的问题：" + episodes + "。").append('\n');
            sb.append("用中文或英文提问都可以；我会引用节目原文并注明出处。节目没谈到的，我会直说。").append("\n\n");
            for (BotCommand c : BotCommand.values()) {
                sb.append('/').append(c.word()).append(c == BotCommand.ASK ? " <问题>" : "").append(" — ")
                        .append(c.descriptionZh()).append('\n');
            }
        } else {
            sb.append(episodes == null ? "I don't know any episode yet." : "I answer questions about: " + episodes + ".")
                    .append('\n');
            sb.append("Ask in English or Chinese; I quote the transcript and cite the lines. "
                    + "If the episode doesn't cover something, I say so.").append("\n\n");
            for (BotCommand c : BotCommand.values()) {
                sb.append('/').append(c.word()).append(c == BotCommand.ASK ? " <question>" : "").append(" — ")
                        .append(c.description()).append('\n');
            }
        }
        return sb.toString().strip();
    }

    static String sources(Language language, IndexState index) {
        if (index.sources().isEmpty()) {
            return language == Language.ZH ? "知识库是空的。" : "The knowledge folder is empty.";
        }
        StringBuilder sb = new StringBuilder(language == Language.ZH ? "已收录的文件：\n" : "Knowledge files:\n");
        for (SourceSummary s : index.sources()) {
            sb.append("• ").append(s.title()).append(" — ").append(s.source()).append(" (")
                    .append(s.chunks()).append(language == Language.ZH ? " 个片段)" : " chunks)").append('\n');
        }
        return sb.toString().strip();
    }

    static String status(IndexState index, RefreshReport last, String llm, int conversations, java.nio.file.Path dir) {
        StringBuilder sb = new StringBuilder();
        if (!java.nio.file.Files.isDirectory(dir)) {
            sb.append("The knowledge folder does not exist yet: an operator has to create it and add transcripts.\n");
        }
        sb.append("Knowledge: ").append(index.sources().size()).append(index.sources().size() == 1 ? " file, " : " files, ")
                .append(index.chunks().size()).append(" chunks; embedding model ").append(index.model().displayName())
                .append('\n');
        if (last != null) {
            sb.append("Last refresh: ").append(TIME.format(last.finishedAt())).append(String.format(Locale.ROOT,
                    ", took %.2f s (+%d added, %d changed, -%d removed; %d chunks embedded, %d reused)",
                    last.duration().toMillis() / 1000.0, last.added(), last.changed(), last.removed(), last.embedded(),
                    last.reused())).append('\n');
            if (!last.applied()) {
                sb.append("Last refresh kept the previous index: ").append(last.problem()).append('\n');
            }
        }
        List<SkippedFile> skipped = last != null ? last.skipped() : index.skipped();
        if (!skipped.isEmpty()) {
            sb.append("Skipped files: ").append(skipped.size()).append('\n');
            for (SkippedFile s : skipped.subList(0, Math.min(20, skipped.size()))) {
                sb.append("• ").append(s.source()).append(": ").append(s.reason()).append('\n');
            }
            if (skipped.size() > 20) {
                sb.append("• … and ").append(skipped.size() - 20).append(" more\n");
            }
        }
        sb.append("Answers: ").append(llm).append('\n');
        sb.append("Conversations in memory: ").append(conversations);
        return sb.toString();
    }

    static String emptyQuestion(Language language) {
        return language == Language.ZH ? "请在命令后面写上你的问题，例如：/ask 这期节目讲了什么？"
                : "Please write your question after the command, for example: /ask What is the episode about?";
    }

    static String tooLong(Language language, int max) {
        return language == Language.ZH ? "问题太长了（最多 " + max + " 个字符），请精简后再问。"
                : "That question is too long (at most " + max + " characters). Please ask a shorter one.";
    }

    static String rateLimited(Language language, long seconds) {
        return language == Language.ZH ? "你问得有点快，请 " + seconds + " 秒后再试。"
                : "You're asking a bit fast. Please try again in " + seconds + " s.";
    }

    static String busy(Language language) {
        return language == Language.ZH ? "我现在有点忙，请稍后再试。" : "I'm busy right now. Please try again in a moment.";
    }

    static String notAdmin(Language language) {
        return language == Language.ZH ? "抱歉，只有管理员可以重新加载知识库。"
                : "Sorry, only the bot's admins can reload the knowledge.";
    }

    static String newConversation(Language language) {
        return language == Language.ZH ? "好的，我们重新开始。之前的对话已清除。"
                : "OK, starting a new conversation. I've forgotten the earlier questions.";
    }

    static String reloaded(RefreshReport report) {
        return report.applied() ? "Reloaded. " + report.logLine() : "Reload kept the previous index: " + report.problem();
    }

    static String internalError(Language language) {
        return language == Language.ZH ? "抱歉，处理你的问题时出了点问题，请再试一次。"
                : "Sorry, something went wrong while answering. Please try again.";
    }
}
