package dev.episodebot.discord.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import org.junit.jupiter.api.Test;

/** Text commands, conversation ids and thread names. */
class TextParsingTest {

    @Test
    void readsALeadingCommandWordElseAQuestion() {
        // GIVEN / WHEN texts typed in a mention or a DM
        // THEN a leading /word naming a command runs it; anything else is a question
        assertThat(TextCommand.parse("/sources")).isEqualTo(new TextCommand(BotCommand.SOURCES, ""));
        assertThat(TextCommand.parse(" /ASK  how many people? ")).isEqualTo(new TextCommand(BotCommand.ASK, "how many people?"));
        assertThat(TextCommand.parse("/unknown thing")).isEqualTo(new TextCommand(BotCommand.ASK, "/unknown thing"));
        assertThat(TextCommand.parse("Reka 的技术团队有多少人？")).isEqualTo(new TextCommand(BotCommand.ASK, "Reka 的技术团队有多少人？"));
    }

    @Test
    void threadsAndDmsAreConversationsAndChannelsArePerUser() {
        // GIVEN / WHEN the conversation ids for each kind of channel
        // THEN threads and DMs are shared by their id; server channels are per user
        assertThat(Conversations.of(ChannelType.GUILD_PUBLIC_THREAD, "7", "9")).isEqualTo("7");
        assertThat(Conversations.of(ChannelType.PRIVATE, "7", "9")).isEqualTo("7");
        assertThat(Conversations.of(ChannelType.TEXT, "7", "9")).isEqualTo("7:9");
    }

    @Test
    void threadNamesFitDiscordsLimit() {
        // GIVEN a long question spread over lines
        String question = "为什么".repeat(60) + "\n  second line";

        // WHEN it names a thread
        String name = ThreadNames.forQuestion(question);

        // THEN the name is one line of at most 100 characters
        assertThat(name).hasSizeLessThanOrEqualTo(100).doesNotContain("\n").endsWith("…");
        assertThat(ThreadNames.forQuestion("  ")).isEqualTo("Question");
    }
}
