package dev.episodebot.core;

import java.util.Locale;
import java.util.Optional;

/** The commands the core understands; every adapter maps its own syntax onto these. */
public enum BotCommand {
    /** Answer a question about the episode. */
    ASK("Ask a question about the episode", "就本期节目提问"),
    /** What the bot does and which episodes it knows. */
    HELP("How to use the bot", "使用说明"),
    /** The knowledge files and their chunk counts. */
    SOURCES("List the episodes and files the bot knows", "列出已收录的节目和文件"),
    /** Forget this conversation's history. */
    NEW("Start a new conversation", "开始新的对话"),
    /** Index size, embedding model, last refresh, skipped files. */
    STATUS("Show the index status", "查看索引状态"),
    /** Re-read the knowledge folder (admins only). */
    RELOAD("Reload the knowledge folder (admins only)", "重新加载知识库（仅管理员）");

    private final String description;
    private final String descriptionZh;

    BotCommand(String description, String descriptionZh) {
        this.description = description;
        this.descriptionZh = descriptionZh;
    }

    /** The lower-case command word, e.g. {@code ask}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A one-line English description, for command menus. */
    public String description() {
        return description;
    }

    /** A one-line Chinese description. */
    public String descriptionZh() {
        return descriptionZh;
    }

    /** The command whose word is {@code word} (case-insensitive, optional leading slash). */
    public static Optional<BotCommand> fromWord(String word) {
        String w = word.strip();
        if (w.startsWith("/")) {
            w = w.substring(1);
        }
        for (BotCommand command : values()) {
            if (command.word().equalsIgnoreCase(w)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
