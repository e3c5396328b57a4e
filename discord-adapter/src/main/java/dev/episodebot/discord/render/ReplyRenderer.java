package dev.episodebot.discord.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Language;
import dev.episodebot.core.Quote;
import dev.episodebot.core.render.Block;
import dev.episodebot.core.render.CitationText;
import dev.episodebot.core.render.Markup;
import dev.episodebot.core.render.MessagePart;
import dev.episodebot.core.render.MessageSplitter;
import dev.episodebot.core.render.MessageSplitter.Line;
import dev.episodebot.core.render.MessageSplitter.Segment;
import dev.episodebot.core.render.PlainTextRenderer;
import dev.episodebot.core.render.ReplyLayout;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a core reply as Discord messages, in the order to send them:
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
public final class ReplyRenderer implements Markup {

    /** Discord's limit for the content of one message, in UTF-16 units (as JDA counts). */
    public static final int DISCORD_LIMIT = 2000;

    private final MessageSplitter splitter;

    /** A renderer for Discord's message limit. */
    public ReplyRenderer() {
        this(DISCORD_LIMIT);
    }

    /** A renderer with a smaller limit, for tests. */
    public ReplyRenderer(int limit) {
        this.splitter = new MessageSplitter(limit, DiscordMarkdown::escape);
    }

    /** The message contents of a reply, in order; never empty. */
    public List<MessagePart> parts(BotReply reply) {
        List<MessagePart> parts = splitter.split(segments(ReplyLayout.of(reply)));
        if (parts.isEmpty()) {
            String empty = Catalog.text(reply.language(), UiText.EMPTY_REPLY);
            return List.of(new MessagePart(empty, empty));
        }
        return parts;
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
        List<MessagePart> parts = new MessageSplitter(splitter.limit() - 2, DiscordMarkdown::escape)
                .split(segments(ReplyLayout.of(reply)));
        String content = parts.isEmpty() ? parts(reply).get(0).markup()
                : parts.get(0).markup() + (parts.size() > 1 ? "\n…" : "");
        return silent().setContent(content).build();
    }

    /** A short notice of the adapter's own (busy, failure), escaped, with no allowed mentions. */
    public MessageCreateData notice(String text) {
        return silent().setContent(DiscordMarkdown.escape(text)).build();
    }

    @Override
    public Segment text(Block.Text text) {
        String wrap = switch (text.style()) {
            case NOTE -> "*";
            case HEADING -> "**";
            case PLAIN -> "";
        };
        List<Line> lines = new ArrayList<>();
        for (String line : text.lines()) {
            lines.add(line.isBlank() ? splitter.line(line) : splitter.line(wrap, line, wrap));
        }
        return new Segment("", "", lines, text.gap());
    }

    @Override
    public Segment quote(Block.QuoteLines block) {
        Quote quote = block.quote();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            lines.add(i == quote.answerLine() ? splitter.line("> **", quote.lines().get(i), "**")
                    : splitter.line("> ", quote.lines().get(i), ""));
        }
        return new Segment("", "", lines, block.gap());
    }

    @Override
    public Segment citation(Block.CitationLine block) {
        CitationText c = block.citation();
        StringBuilder md = new StringBuilder("-# ").append(DiscordMarkdown.escape(c.numberLabel() + c.prefix()));
        md.append(c.url() != null && !c.linksTime() ? link(c.url(), c.title()) : DiscordMarkdown.escape(c.title()));
        md.append(DiscordMarkdown.escape(CitationText.SEPARATOR + c.lines()));
        if (c.time() != null) {
            md.append(DiscordMarkdown.escape(CitationText.SEPARATOR))
                    .append(c.linksTime() ? link(c.url(), c.time()) : DiscordMarkdown.escape(c.time()));
        }
        return new Segment("", "", List.of(new Line(md.toString(), c.plain(), "", "")), block.gap());
    }

    @Override
    public Segment entry(Block.Entry entry) {
        String label = PlainTextRenderer.entryLabel(entry);
        Line line = entry.marked()
                ? new Line(DiscordMarkdown.escape(label) + "**" + DiscordMarkdown.escape(entry.text()) + "**",
                        label + entry.text(), "**", "**")
                : splitter.line(label + entry.text());
        return new Segment("", "", List.of(line), entry.gap());
    }

    /** A masked link that does not unfurl: {@code [text](<url>)}. */
    private static String link(String url, String text) {
        return "[" + DiscordMarkdown.escape(text) + "](<" + DiscordMarkdown.linkTarget(url) + ">)";
    }

    /** A builder that can mention no one. */
    private static MessageCreateBuilder silent() {
        return new MessageCreateBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false);
    }
}
