package dev.episodebot.discord.features;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.CommandText;
import dev.episodebot.core.Platform;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers messages:
 *
 * <ul>
 *   <li>a mention of the bot in a server channel starts a thread on that message and answers there
 *       (conversation id = thread id); when no thread can be started (missing permission, a channel
 *       without threads) it replies in the channel instead;
 *   <li>in a thread the bot started, every later message is a follow-up with the thread's memory
 *       (without the MESSAGE_CONTENT intent Discord sends the text only of messages that mention the
 *       bot, so the others are skipped); in any other thread, mentions are answered there;
 *   <li>in a DM, every message is a question (conversation id = DM channel id).
 * </ul>
 *
 * <p>A leading {@code /word} naming a command ({@code @bot /sources}) runs that command. Messages
 * from bots, webhooks and the system are ignored.
 */
public final class MessageListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MessageListener.class);

    private final Answerer answerer;
    private final AtomicBoolean hintedContentIntent = new AtomicBoolean();

    MessageListener(Answerer answerer) {
        this.answerer = Objects.requireNonNull(answerer, "answerer");
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || message.isWebhookMessage() || !isUserMessage(message.getType())) {
            return;
        }
        if (!answerer.isAccepting()) {
            return; // shutting down: no new work
        }
        SelfUser self = event.getJDA().getSelfUser();
        if (event.isFromType(ChannelType.PRIVATE)) {
            onDirectMessage(message, author);
        } else if (event.isFromThread()) {
            onThreadMessage(event.getChannel().asThreadChannel(), message, author, self);
        } else if (event.isFromGuild() && mentions(message, self)) {
            onChannelMention(message, author, self);
        }
    }

    private void onDirectMessage(Message message, User author) {
        CommandText.Resolved parsed = CommandText.resolve(message.getContentRaw());
        BotRequest request = new BotRequest(
                Conversations.of(ChannelType.PRIVATE, message.getChannel().getId(), author.getId()),
                author.getId(), Platform.DISCORD, parsed.text(), null, true);
        answerer.answer(parsed.command(), request, ChannelReplyTarget.into(message.getChannel()));
    }

    private void onThreadMessage(ThreadChannel thread, Message message, User author, SelfUser self) {
        boolean mentioned = mentions(message, self);
        boolean ours = thread.getOwnerIdLong() == self.getIdLong();
        if (!mentioned && !ours) {
            return;
        }
        String text = withoutMention(message.getContentRaw(), self);
        if (text.isBlank() && !mentioned) {
            if (!hintedContentIntent.getAndSet(true)) {
                LOG.info("A follow-up in a bot thread came without text: without DISCORD_MESSAGE_CONTENT=true Discord "
                        + "sends the text only of messages that mention the bot, so mention it in the thread (this is "
                        + "said once).");
            }
            return;
        }
        CommandText.Resolved parsed = CommandText.resolve(text);
        BotRequest request = new BotRequest(thread.getId(), author.getId(), Platform.DISCORD, parsed.text(),
                guildLocale(message), false);
        answerer.answer(parsed.command(), request, ChannelReplyTarget.into(thread));
    }

    private void onChannelMention(Message message, User author, SelfUser self) {
        CommandText.Resolved parsed = CommandText.resolve(withoutMention(message.getContentRaw(), self));
        String channelConversation = Conversations.of(
                message.getChannelType(), message.getChannel().getId(), author.getId());
        if (parsed.command() != BotCommand.ASK || parsed.text().isBlank()) {
            answerer.answer(parsed.command(),
                    new BotRequest(channelConversation, author.getId(), Platform.DISCORD, parsed.text(),
                            guildLocale(message), false),
                    ChannelReplyTarget.replyingTo(message));
            return;
        }
        try {
            message.createThreadChannel(ThreadNames.forQuestion(parsed.text())).queue(
                    thread -> answerer.answer(BotCommand.ASK,
                            new BotRequest(thread.getId(), author.getId(), Platform.DISCORD, parsed.text(),
                                    guildLocale(message), false),
                            ChannelReplyTarget.into(thread)),
                    failure -> {
                        LOG.warn("Could not start a thread in channel {} ({}); answering in the channel.",
                                message.getChannel().getId(), failure.toString());
                        answerInChannel(parsed, channelConversation, author, message);
                    });
        } catch (RuntimeException e) { // e.g. missing permission, or a channel type without threads
            LOG.warn("Cannot start a thread in channel {} ({}); answering in the channel.",
                    message.getChannel().getId(), e.toString());
            answerInChannel(parsed, channelConversation, author, message);
        }
    }

    private void answerInChannel(CommandText.Resolved parsed, String conversation, User author, Message message) {
        answerer.answer(parsed.command(),
                new BotRequest(conversation, author.getId(), Platform.DISCORD, parsed.text(), guildLocale(message), false),
                ChannelReplyTarget.replyingTo(message));
    }

    /**
     * The server's preferred locale: messages carry no user locale (only interactions do), and a
     * bare command in a server is best answered in the server's language.
     */
    private static String guildLocale(Message message) {
        try {
            return message.isFromGuild() ? message.getGuild().getLocale().getLocale() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the message mentions the bot itself (not {@code @everyone}, not one of its roles). */
    private static boolean mentions(Message message, SelfUser self) {
        return message.getMentions().isMentioned(self, Message.MentionType.USER);
    }

    /** The text without the bot's mention ({@code <@id>} or {@code <@!id>}). */
    static String withoutMention(String content, SelfUser self) {
        String id = self.getId();
        return content.replace("<@" + id + ">", "").replace("<@!" + id + ">", "").strip();
    }

    private static boolean isUserMessage(MessageType type) {
        return type == MessageType.DEFAULT || type == MessageType.INLINE_REPLY;
    }
}
