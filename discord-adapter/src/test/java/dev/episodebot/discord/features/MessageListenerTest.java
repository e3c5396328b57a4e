package dev.episodebot.discord.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.discord.render.ReplyRenderer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** {@link MessageListener} with mocked JDA events and a stub core. */
class MessageListenerTest {

    private static final String USER = "222222222222222222";
    private static final String MENTION = "<@" + JdaMocks.BOT_ID + ">";

    private final JdaMocks jda = new JdaMocks();
    private final List<BotRequest> requests = new CopyOnWriteArrayList<>();
    private final List<BotCommand> commands = new CopyOnWriteArrayList<>();
    private final AnswerExecutor executor = new AnswerExecutor("test-answer", 2, 8);
    private final MessageListener listener = new MessageListener(new Answerer(recording(), executor, new ReplyRenderer()));

    private EpisodeBot recording() {
        return (command, request) -> {
            commands.add(command);
            requests.add(request);
            return new BotReply("r-" + requests.size(), "Answer " + requests.size(), List.of(), true, Language.EN,
                    ReplyKind.ANSWER);
        };
    }

    private void awaitAnswers() {
        assertThat(executor.close(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void mentionInAChannelStartsAThreadAndAnswersThere() {
        // GIVEN a user mentioning the bot with a question in a server text channel
        JdaMocks.Received mention = jda.new Received(ChannelType.TEXT, MENTION + " How big is the team?", USER, true)
                .threadCreationSucceeds();

        // WHEN the listener handles it
        listener.onMessageReceived(mention.event);
        awaitAnswers();

        // THEN a thread named after the question is started on that message and the answer goes there
        verify(mention.message).createThreadChannel("How big is the team?");
        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(mention.thread).sendMessage(sent.capture());
        assertThat(sent.getValue().getContent()).isEqualTo("Answer 1");
        assertThat(sent.getValue().getAllowedMentions()).isEmpty();
        verify(mention.channel, never()).sendMessage(any(MessageCreateData.class));

        // AND the core got the question without the mention, in the thread's conversation
        assertThat(requests).containsExactly(
                new BotRequest(JdaMocks.THREAD_ID, USER, Platform.DISCORD, "How big is the team?"));
    }

    @Test
    void followUpInTheBotsThreadUsesTheThreadsConversation() {
        // GIVEN a message without a mention in a thread the bot started
        JdaMocks.Received followUp = jda.new Received(ChannelType.GUILD_PUBLIC_THREAD, "And after that?", USER, false)
                .threadOwnedBy(JdaMocks.BOT_ID);

        // WHEN the listener handles it
        listener.onMessageReceived(followUp.event);
        awaitAnswers();

        // THEN it is a question in the thread's conversation, answered in the thread, without a new thread
        assertThat(requests).containsExactly(new BotRequest(JdaMocks.THREAD_ID, USER, Platform.DISCORD, "And after that?"));
        verify(followUp.thread).sendMessage(any(MessageCreateData.class));
        verify(followUp.message, never()).createThreadChannel(anyString());
    }

    @Test
    void ignoresUnmentionedMessagesInOtherThreadsAndEmptyOnesWithoutTheContentIntent() {
        // GIVEN a message in someone else's thread, and a text-less message in the bot's thread
        //       (what Discord sends without the MESSAGE_CONTENT intent)
        JdaMocks.Received otherThread = jda.new Received(ChannelType.GUILD_PUBLIC_THREAD, "chatting", USER, false)
                .threadOwnedBy(333L);
        JdaMocks.Received noContent = jda.new Received(ChannelType.GUILD_PUBLIC_THREAD, "", USER, false)
                .threadOwnedBy(JdaMocks.BOT_ID);

        // WHEN the listener handles them
        listener.onMessageReceived(otherThread.event);
        listener.onMessageReceived(noContent.event);
        awaitAnswers();

        // THEN the core is not asked
        assertThat(requests).isEmpty();
    }

    @Test
    void mentionInSomeoneElsesThreadIsAnsweredInThatThread() {
        // GIVEN a mention in a thread the bot did not start
        JdaMocks.Received mention = jda.new Received(ChannelType.GUILD_PUBLIC_THREAD, MENTION + " and you?", USER, true)
                .threadOwnedBy(333L);

        // WHEN the listener handles it
        listener.onMessageReceived(mention.event);
        awaitAnswers();

        // THEN it is answered in the thread, with the thread's memory
        assertThat(requests).containsExactly(new BotRequest(JdaMocks.THREAD_ID, USER, Platform.DISCORD, "and you?"));
        verify(mention.thread).sendMessage(any(MessageCreateData.class));
    }

    @Test
    void everyDirectMessageIsAQuestionAndTextCommandsWork() {
        // GIVEN two DMs: a question and a /new command
        JdaMocks.Received question = jda.new Received(ChannelType.PRIVATE, "What is Reka?", USER, false);
        JdaMocks.Received reset = jda.new Received(ChannelType.PRIVATE, "/new", USER, false);

        // WHEN the listener handles them
        listener.onMessageReceived(question.event);
        awaitAnswers();
        AnswerExecutor second = new AnswerExecutor("test-answer", 1, 8);
        new MessageListener(new Answerer(recording(), second, new ReplyRenderer())).onMessageReceived(reset.event);
        assertThat(second.close(Duration.ofSeconds(5))).isTrue();

        // THEN both go to the core in the DM's conversation, and the replies go to the DM
        assertThat(commands).containsExactly(BotCommand.ASK, BotCommand.NEW);
        assertThat(requests).extracting(BotRequest::conversationId).containsOnly(JdaMocks.CHANNEL_ID);
        assertThat(requests).extracting(BotRequest::text).containsExactly("What is Reka?", "");
        verify(question.channel).sendMessage(any(MessageCreateData.class));
    }

    @Test
    void ignoresBotsAndUnmentionedChannelMessages() {
        // GIVEN a message from another bot mentioning us, and a channel message without a mention
        JdaMocks.Received fromBot = jda.new Received(ChannelType.TEXT, MENTION + " hi", "444444444444444444", true);
        when(fromBot.author.isBot()).thenReturn(true);
        JdaMocks.Received chatter = jda.new Received(ChannelType.TEXT, "just chatting", USER, false);

        // WHEN the listener handles them
        listener.onMessageReceived(fromBot.event);
        listener.onMessageReceived(chatter.event);
        awaitAnswers();

        // THEN nothing is asked and no thread is started
        assertThat(requests).isEmpty();
        verify(fromBot.message, never()).createThreadChannel(anyString());
        verify(chatter.message, never()).createThreadChannel(anyString());
    }

    @Test
    void repliesInTheChannelWhenNoThreadCanBeStarted() {
        // GIVEN a mention in a channel where the bot may not start threads
        JdaMocks.Received mention = jda.new Received(ChannelType.TEXT, MENTION + " hello?", USER, true);
        InsufficientPermissionException noPermission =
                new InsufficientPermissionException(guild(), Permission.CREATE_PUBLIC_THREADS);
        when(mention.message.createThreadChannel(anyString())).thenThrow(noPermission);

        // WHEN the listener handles it
        listener.onMessageReceived(mention.event);
        awaitAnswers();

        // THEN the answer is a reply to the message, in the user's channel conversation
        verify(mention.message).reply(any(MessageCreateData.class));
        assertThat(requests).containsExactly(
                new BotRequest(JdaMocks.CHANNEL_ID + ":" + USER, USER, Platform.DISCORD, "hello?"));
    }

    @Test
    void threadCreationFailureFallsBackToTheChannel() {
        // GIVEN a mention where Discord refuses the thread (e.g. the message was deleted)
        JdaMocks.Received mention = jda.new Received(ChannelType.TEXT, MENTION + " hello?", USER, true);
        doAnswer(invocation -> {
            Consumer<Throwable> failure = invocation.getArgument(1);
            failure.accept(new IllegalStateException("refused"));
            return null;
        }).when(mention.threadCreation).queue(any(), any());

        // WHEN the listener handles it
        listener.onMessageReceived(mention.event);
        awaitAnswers();

        // THEN it is answered in the channel instead
        verify(mention.message).reply(any(MessageCreateData.class));
        assertThat(requests).extracting(BotRequest::conversationId).containsExactly(JdaMocks.CHANNEL_ID + ":" + USER);
    }

    private static Guild guild() {
        Guild guild = mock(Guild.class);
        when(guild.getId()).thenReturn("910000000000000001");
        return guild;
    }
}
