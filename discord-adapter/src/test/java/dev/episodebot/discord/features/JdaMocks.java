package dev.episodebot.discord.features;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_MOCKS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.restaction.ThreadChannelAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;

/**
 * Mockito stand-ins for the JDA events and entities the listeners see (in the spirit of TJ-Bot's
 * {@code JdaTester}). REST actions are mocks that do nothing; the tests verify what was sent.
 */
final class JdaMocks {

    static final long BOT_ID = 900_000_000_000_000_001L;
    static final String CHANNEL_ID = "920000000000000001";
    static final String THREAD_ID = "960000000000000042";

    final JDA jda = mock(JDA.class);
    final SelfUser self = mock(SelfUser.class);

    JdaMocks() {
        when(jda.getSelfUser()).thenReturn(self);
        when(self.getIdLong()).thenReturn(BOT_ID);
        when(self.getId()).thenReturn(Long.toUnsignedString(BOT_ID));
    }

    static User user(String id, boolean bot) {
        User user = mock(User.class);
        when(user.getId()).thenReturn(id);
        when(user.getIdLong()).thenReturn(Long.parseLong(id));
        when(user.isBot()).thenReturn(bot);
        return user;
    }

    /** A slash command event, with its deferral action and hook. */
    static final class Slash {
        final SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        final ReplyCallbackAction deferral = mock(ReplyCallbackAction.class);
        final InteractionHook hook = mock(InteractionHook.class, RETURNS_MOCKS);

        Slash(String name, String question, String userId, ChannelType channelType, String channelId) {
            when(event.getName()).thenReturn(name);
            if (question != null) {
                OptionMapping option = mock(OptionMapping.class);
                when(option.getAsString()).thenReturn(question);
                when(event.getOption("question")).thenReturn(option);
            }
            User user = user(userId, false);
            when(event.getUser()).thenReturn(user);
            when(event.getChannelType()).thenReturn(channelType);
            when(event.getChannelId()).thenReturn(channelId);
            when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
            when(event.deferReply(anyBoolean())).thenReturn(deferral);
            when(event.getHook()).thenReturn(hook);
        }
    }

    /** A message event; the channel is a text channel, a thread or a DM. */
    final class Received {
        final MessageReceivedEvent event = mock(MessageReceivedEvent.class);
        final Message message = mock(Message.class, RETURNS_MOCKS);
        final MessageChannelUnion channel = mock(MessageChannelUnion.class, RETURNS_MOCKS);
        final ThreadChannel thread = mock(ThreadChannel.class, RETURNS_MOCKS);
        final ThreadChannelAction threadCreation = mock(ThreadChannelAction.class);
        final User author;

        Received(ChannelType channelType, String content, String authorId, boolean mentionsBot) {
            author = user(authorId, false);
            when(event.getJDA()).thenReturn(jda);
            when(event.getMessage()).thenReturn(message);
            when(event.getAuthor()).thenReturn(author);
            when(event.getChannel()).thenReturn(channel);
            when(event.getChannelType()).thenReturn(channelType);
            when(event.isFromType(any())).thenAnswer(i -> i.getArgument(0) == channelType);
            when(event.isFromThread()).thenReturn(channelType.isThread());
            when(event.isFromGuild()).thenReturn(channelType.isGuild());
            when(message.getType()).thenReturn(MessageType.DEFAULT);
            when(message.isWebhookMessage()).thenReturn(false);
            when(message.getContentRaw()).thenReturn(content);
            when(message.getAuthor()).thenReturn(author);
            when(message.getChannel()).thenReturn(channel);
            when(message.getChannelType()).thenReturn(channelType);
            Mentions mentions = mock(Mentions.class);
            when(mentions.isMentioned(eq(self), any())).thenReturn(mentionsBot);
            when(message.getMentions()).thenReturn(mentions);
            String channelId = channelType.isThread() ? THREAD_ID : CHANNEL_ID;
            when(channel.getId()).thenReturn(channelId);
            when(channel.getType()).thenReturn(channelType);
            when(channel.asThreadChannel()).thenReturn(thread);
            when(thread.getId()).thenReturn(THREAD_ID);
            when(thread.getIdLong()).thenReturn(Long.parseLong(THREAD_ID));
            when(message.createThreadChannel(anyString())).thenReturn(threadCreation);
        }

        /** Makes thread creation succeed with {@link #thread}. */
        Received threadCreationSucceeds() {
            doAnswer(invocation -> {
                Consumer<ThreadChannel> success = invocation.getArgument(0);
                success.accept(thread);
                return null;
            }).when(threadCreation).queue(any(), any());
            return this;
        }

        /** The thread was started by the bot (or by someone else). */
        Received threadOwnedBy(long ownerId) {
            when(thread.getOwnerIdLong()).thenReturn(ownerId);
            return this;
        }
    }
}
