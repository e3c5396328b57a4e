package dev.episodebot.discord.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.ReplyKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a core reply as Discord messages, in the order to send them:
 *
 * <ul>
 *   <li>the text, Markdown-escaped and split into parts of at most {@value MessageSplitter#DISCORD_LIMIT}
 *       characters;
 *   <li>the citations in an embed on the last message;
 *   <li>👍/👎 buttons on the last message, for answers ({@link ReplyKind#ANSWER}) with an id only;
 *   <li>no allowed mentions on any message: a reply never pings a user, a role, {@code @everyone}
 *       or {@code @here}, nor the author of the message it replies to.
 * </ul>
 */
public final class ReplyRenderer {

    private final int limit;

    /** A renderer for Discord's message limit. */
    public ReplyRenderer() {
        this(MessageSplitter.DISCORD_LIMIT);
    }

    /** A renderer with a smaller limit, for tests. */
    ReplyRenderer(int limit) {
        this.limit = limit;
    }

    /** The messages for a reply; never empty. */
    public List<MessageCreateData> render(BotReply reply) {
        List<String> parts = new ArrayList<>(MessageSplitter.split(reply.text(), limit));
        Optional<MessageEmbed> citations = CitationEmbed.of(reply.citations(), reply.language());
        if (parts.isEmpty() && citations.isEmpty()) {
            parts.add(AdapterTexts.empty());
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        boolean buttons = reply.kind() == ReplyKind.ANSWER && FeedbackButtons.fits(reply.id());
        List<MessageCreateData> messages = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            MessageCreateBuilder message = silent().setContent(parts.get(i));
            if (i == parts.size() - 1) {
                citations.ifPresent(message::setEmbeds);
                if (buttons) {
                    message.setComponents(FeedbackButtons.row(reply.id()));
                }
            }
            messages.add(message.build());
        }
        return messages;
    }

    /** A short notice of the adapter's own (busy, failure), escaped, with no allowed mentions. */
    public MessageCreateData notice(String text) {
        return silent().setContent(DiscordMarkdown.escape(text)).build();
    }

    /** A builder that can mention no one. */
    private static MessageCreateBuilder silent() {
        return new MessageCreateBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false);
    }
}
