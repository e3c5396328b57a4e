package dev.episodebot.discord.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Language;
import dev.episodebot.core.render.MessagePart;
import dev.episodebot.core.render.Surface;
import dev.episodebot.core.render.SurfaceRenderer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a core reply as Discord messages, the Discord {@link Surface} of the core's shared
 * renderer, in the order to send them:
 *
 * <ul>
 *   <li>each quote as Markdown block quote lines ({@code > }), the answering line in bold, followed
 *       by one compact citation line in small text ({@code -# }) whose timecode (or title) is a
 *       masked link in {@code <…>}, so it does not unfurl; the quote is never repeated in an embed;
 *   <li>every piece of text Markdown-escaped, split by the core's shared splitter into messages of
 *       at most {@value #DISCORD_LIMIT} characters;
 *   <li>👍/👎 buttons under answers and a "more" button under a reply cut at the message cap
 *       ({@link ReplyButtonRows});
 *   <li>no allowed mentions on any message: a reply never pings a user, a role, {@code @everyone}
 *       or {@code @here}, nor the author of the message it replies to.
 * </ul>
 */
public final class ReplyRenderer {

    /** Discord's limit for the content of one message, in UTF-16 units (as JDA counts). */
    public static final int DISCORD_LIMIT = 2000;

    /** Discord's Markdown. */
    public static final Surface DISCORD_MARKDOWN = new Surface(DiscordMarkdown::escape, "", "", "> ", "> **", "**",
            "**", "**", "*", "*", "**", "**", "-# ", "",
            (url, text) -> "[" + DiscordMarkdown.escape(text) + "](<" + DiscordMarkdown.linkTarget(url) + ">)");

    private final SurfaceRenderer renderer;

    /** A renderer for Discord's message limit. */
    public ReplyRenderer() {
        this(DISCORD_LIMIT);
    }

    /** A renderer with a smaller limit, for tests. */
    public ReplyRenderer(int limit) {
        this.renderer = new SurfaceRenderer(DISCORD_MARKDOWN, limit);
    }

    /** The message contents of a reply, in order; never empty. */
    public List<MessagePart> parts(BotReply reply) {
        return renderer.parts(reply);
    }

    /** Every message of a reply, the vote buttons under the last (no message cap). */
    public List<MessageCreateData> render(BotReply reply) {
        return messages(parts(reply), reply, null, 0, reply.language());
    }

    /**
     * The messages for {@code shown}, the buttons on the last one.
     *
     * @param reply the reply (for its vote buttons), or null for a continuation page
     * @param moreKey the continuation's key for a "more" button, or null
     * @param left the messages the continuation holds
     * @param language the language of the "more" label
     */
    public List<MessageCreateData> messages(List<MessagePart> shown, BotReply reply, String moreKey, int left,
            Language language) {
        List<ActionRow> rows = ReplyButtonRows.of(reply, moreKey, left, language);
        List<MessageCreateData> messages = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            MessageCreateBuilder message = silent().setContent(shown.get(i).markup());
            if (i == shown.size() - 1 && !rows.isEmpty()) {
                message.setComponents(rows);
            }
            messages.add(message.build());
        }
        return messages;
    }

    /** One message showing the start of a reply (for an answer being streamed), ending in … when there is more. */
    public MessageCreateData preview(BotReply reply) {
        return silent().setContent(renderer.preview(reply).markup()).build();
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
