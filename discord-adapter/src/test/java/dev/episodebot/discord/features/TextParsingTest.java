package dev.episodebot.discord.features;

import static org.assertj.core.api.Assertions.assertThat;

import net.dv8tion.jda.api.entities.channel.ChannelType;
import org.junit.jupiter.api.Test;

/** Conversation ids and thread names (commands are parsed by the core's {@code CommandText}). */
class TextParsingTest {

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
