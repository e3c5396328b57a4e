package dev.episodebot.discord.features;

import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies in a message channel (a thread, a DM, a server channel): the messages are sent in order;
 * the first one can be a reply to the user's message (without pinging its author). A streamed
 * answer's drafts show in one message, edited, which the final reply's first message replaces.
 */
final class ChannelReplyTarget implements ReplyTarget {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelReplyTarget.class);

    private final MessageChannel channel;
    private final Message replyTo;
    private Message draft;

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
        int from = 0;
        if (draft != null) {
            try {
                channel.editMessageById(draft.getId(), MessageEditData.fromCreateData(messages.get(0))).complete();
                from = 1;
            } catch (RuntimeException e) {
                LOG.warn("Could not put the final answer into its streamed message ({}); sending it anew.", e.toString());
                channel.deleteMessageById(draft.getId())
                        .queue(null, failure -> LOG.debug("Could not delete a draft: {}", failure.toString()));
            }
        }
        for (int i = from; i < messages.size(); i++) {
            if (i == 0 && replyTo != null) {
                replyTo.reply(messages.get(i)).complete();
            } else {
                channel.sendMessage(messages.get(i)).complete();
            }
        }
    }

    @Override
    public void showDraft(MessageCreateData preview) {
        if (draft == null) {
            draft = (replyTo != null ? replyTo.reply(preview) : channel.sendMessage(preview)).complete();
        } else {
            channel.editMessageById(draft.getId(), MessageEditData.fromCreateData(preview)).complete();
        }
    }

    @Override
    public void notify(MessageCreateData notice) {
        (replyTo != null ? replyTo.reply(notice) : channel.sendMessage(notice))
                .queue(null, e -> LOG.warn("Could not send a notice to channel {}: {}", channel.getId(), e.toString()));
    }
}
