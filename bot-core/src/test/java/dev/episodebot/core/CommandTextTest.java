package dev.episodebot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link CommandText}: the one {@code /command args} parser of every surface. */
class CommandTextTest {

    @Test
    void readsWordTargetAndArguments() {
        assertThat(CommandText.parse("/ask@EpisodeBot  how big is Reka? ")).contains(
                new CommandText("ask", "EpisodeBot", "how big is Reka?"));
        assertThat(CommandText.parse(" /SOURCES")).contains(new CommandText("sources", null, ""));
        assertThat(CommandText.parse("/help\nmore")).contains(new CommandText("help", null, "more"));
        assertThat(CommandText.parse("not a command")).isEmpty();
        assertThat(CommandText.parse("/ask!now")).isEmpty();
        assertThat(CommandText.parse("/")).isEmpty();
        assertThat(CommandText.parse(null)).isEmpty();
    }

    @Test
    void startMeansHelpAndUnknownWordsAreNoCommand() {
        assertThat(CommandText.parse("/start").orElseThrow().command()).contains(BotCommand.HELP);
        assertThat(CommandText.parse("/reload").orElseThrow().command()).contains(BotCommand.RELOAD);
        assertThat(CommandText.parse("/unknown").orElseThrow().command()).isEmpty();
    }

    @Test
    void resolvesATypedLineToACommandOrAQuestion() {
        assertThat(CommandText.resolve("/sources")).isEqualTo(new CommandText.Resolved(BotCommand.SOURCES, ""));
        assertThat(CommandText.resolve(" /ASK  how many people? "))
                .isEqualTo(new CommandText.Resolved(BotCommand.ASK, "how many people?"));
        assertThat(CommandText.resolve("/unknown thing")).isEqualTo(new CommandText.Resolved(BotCommand.ASK, "/unknown thing"));
        assertThat(CommandText.resolve("Reka 的技术团队有多少人？"))
                .isEqualTo(new CommandText.Resolved(BotCommand.ASK, "Reka 的技术团队有多少人？"));
    }

    @Test
    void theReplyLanguageFollowsTheTextElseThePlatformLanguage() {
        assertThat(new BotRequest("c", "u", Platform.TELEGRAM, "", "zh-hans", true).replyLanguage()).isEqualTo(Language.ZH);
        assertThat(new BotRequest("c", "u", Platform.DISCORD, "", "zh-TW", false).replyLanguage()).isEqualTo(Language.ZH);
        assertThat(new BotRequest("c", "u", Platform.DISCORD, "", "en-US", false).replyLanguage()).isEqualTo(Language.EN);
        assertThat(new BotRequest("c", "u", Platform.TELEGRAM, "", null, true).replyLanguage()).isEqualTo(Language.EN);
        assertThat(new BotRequest("c", "u", Platform.TELEGRAM, "what is it about?", "zh-hans", true).replyLanguage())
                .isEqualTo(Language.EN);
        assertThat(new BotRequest("c", "u", Platform.TELEGRAM, "讲了什么", "en", true).replyLanguage()).isEqualTo(Language.ZH);
        assertThat(new BotRequest("c", "u", Platform.CONSOLE, "").direct()).isTrue();
        assertThat(new BotRequest("c", "u", Platform.TELEGRAM, "").direct()).isFalse();
    }
}
