package dev.episodebot.discord.render;

import dev.episodebot.core.Language;
import net.dv8tion.jda.api.interactions.DiscordLocale;

/**
 * The few texts the adapter says itself (everything else comes from the core), in English and
 * Chinese.
 */
public final class AdapterTexts {

    private AdapterTexts() {}

    /** The language for a Discord client locale: Chinese for {@code zh-*}, else English. */
    public static Language languageOf(DiscordLocale locale) {
        return locale != null && locale.getLocale().startsWith("zh") ? Language.ZH : Language.EN;
    }

    /** When the adapter's own queue is full. */
    public static String busy(Language language) {
        return language == Language.ZH
                ? "我现在正忙着回答很多问题，请过一分钟再问。"
                : "I'm answering a lot of questions right now. Please ask again in a minute.";
    }

    /** When the adapter is shutting down and takes no new questions. */
    public static String restarting(Language language) {
        return language == Language.ZH
                ? "我正在重启，请过一分钟再问。"
                : "I'm restarting. Please ask again in a minute.";
    }

    /** When answering failed unexpectedly. */
    public static String failure(Language language) {
        return language == Language.ZH
                ? "抱歉，回答时出了点问题，请再试一次。"
                : "Sorry, something went wrong while answering. Please try again.";
    }

    /** The title of the citations embed. */
    public static String sources(Language language) {
        return language == Language.ZH ? "出处" : "Sources";
    }

    /** The ephemeral acknowledgement of a 👍/👎 vote. */
    public static String thanks(Language language) {
        return language == Language.ZH ? "谢谢你的反馈！" : "Thanks for the feedback!";
    }

    /** When a vote is for an answer the core no longer knows. */
    public static String voteExpired(Language language) {
        return language == Language.ZH
                ? "这条回答太旧了，无法再评价。"
                : "That answer is too old to rate.";
    }

    /** A slash command this version of the bot does not know (a stale registration). */
    public static String unknownCommand(Language language) {
        return language == Language.ZH ? "我不认识这个命令，试试 /help。" : "I don't know that command; try /help.";
    }

    /** The content of a reply whose text is empty. */
    public static String empty() {
        return "…";
    }
}
