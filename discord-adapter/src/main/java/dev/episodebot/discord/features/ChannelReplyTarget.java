package dev.episodebot.discord.features;

import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies in a message channel (a thread, a DM, a server channel): the messages are sent in order;
 * the first one can be a reply to the user's message (without pinging its author).
 */
final class ChannelReplyTarget implements ReplyTarget {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelReplyTarget.class);

    private final MessageChannel channel;
    private final Message replyTo;

    /** Sends plain messages into the channel. */
    static ChannelReplyTarget into(MessageChannel channel) {
        return new ChannelReplyTarget(channel, null);
    }

    /** Replies to a message in its channel. */
    static ChannelReplyTarget replyingTo(Message message) {
        return new ChannelReplyTarget(message.getChannel(), message);
    }

    private ChannelReplyTarget(MessageChannel channel, Message replyTo) {
        this.channel = channel;
        this.replyTo = replyTo;
    }

    @Override
    public void showWorking() {
        channel.sendTyping().queue(null, e -> LOG.debug("Could not show typing: {}", e.toString()));
    }

    @Override
    public void send(List<MessageCreateData> messages) {
        for (int i = 0; i < messages.size(); i++) {
            if (i == 0 && replyTo != null) {
                replyTo.reply(messages.get(i)).complete();
            } else {
                channel.sendMessage(messages.get(i)).complete();
            }
        }
    }

    @Override
    public void notify(MessageCreateData notice) {
        (replyTo != null ? replyTo.reply(notice) : channel.sendMessage(notice))
                .queue(null, e -> LOG.warn("Could not send a notice to channel {}: {}", channel.getId(), e.toString()));
    }
}
