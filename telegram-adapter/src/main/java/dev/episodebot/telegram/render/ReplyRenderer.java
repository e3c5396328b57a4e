package dev.episodebot.telegram.render;

import dev.episodebot.core.BotReply;
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
import java.util.List;

/**
 * Renders a {@link BotReply} as Telegram HTML messages: each quote in a {@code <blockquote>} with
 * its answering line in {@code <b>}, followed by one compact citation line (episode, lines, the
 * timecode linked to the moment when known) that never repeats the quote; notes in {@code <i>},
 * headings in {@code <b>}; every piece of text escaped. The shared {@link MessageSplitter} cuts the
 * result into messages of at most {@value #TELEGRAM_LIMIT} characters, never inside a tag or an
 * entity; each message also carries its plain form, sent instead when Telegram rejects the HTML.
 */
public final class ReplyRenderer implements Markup {

    /** Telegram's limit for one text message. */
    public static final int TELEGRAM_LIMIT = 4096;

    private final MessageSplitter splitter;

    public ReplyRenderer() {
        this(TELEGRAM_LIMIT);
    }

    /** A renderer with another message limit (tests). */
    public ReplyRenderer(int limit) {
        this.splitter = new MessageSplitter(limit, TelegramHtml::escape);
    }

    /** The messages to send, in order; never empty. */
    public List<MessagePart> render(BotReply reply) {
        List<MessagePart> parts = splitter.split(segments(ReplyLayout.of(reply)));
        if (parts.isEmpty()) {
            String empty = Catalog.text(reply.language(), UiText.EMPTY_REPLY);
            return List.of(new MessagePart(TelegramHtml.escape(empty), empty));
        }
        return parts;
    }

    /**
     * One message showing the start of a reply (for a message edited while an answer is streamed):
     * the first message of the rendering, ending in an ellipsis when there is more.
     */
    public MessagePart preview(BotReply reply) {
        List<MessagePart> parts = new MessageSplitter(splitter.limit() - 2, TelegramHtml::escape)
                .split(segments(ReplyLayout.of(reply)));
        if (parts.isEmpty()) {
            return render(reply).get(0);
        }
        MessagePart first = parts.get(0);
        return parts.size() == 1 ? first : new MessagePart(first.markup() + "\n…", first.plain() + "\n…");
    }

    @Override
    public Segment text(Block.Text text) {
        String open = switch (text.style()) {
            case NOTE -> "<i>";
            case HEADING -> "<b>";
            case PLAIN -> "";
        };
        String close = open.isEmpty() ? "" : "</" + open.substring(1);
        List<Line> lines = new ArrayList<>();
        for (String line : text.lines()) {
            lines.add(line.isBlank() ? splitter.line(line) : splitter.line(open, line, close));
        }
        return new Segment("", "", lines, text.gap());
    }

    @Override
    public Segment quote(Block.QuoteLines block) {
        Quote quote = block.quote();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            lines.add(i == quote.answerLine() ? splitter.line("<b>", quote.lines().get(i), "</b>")
                    : splitter.line(quote.lines().get(i)));
        }
        return new Segment("<blockquote>", "</blockquote>", lines, block.gap());
    }

    @Override
    public Segment citation(Block.CitationLine block) {
        CitationText c = block.citation();
        StringBuilder html = new StringBuilder(TelegramHtml.escape(c.numberLabel() + c.prefix()));
        html.append(c.url() != null && !c.linksTime() ? link(c.url(), c.title()) : TelegramHtml.escape(c.title()));
        html.append(TelegramHtml.escape(CitationText.SEPARATOR + c.lines()));
        if (c.time() != null) {
            html.append(TelegramHtml.escape(CitationText.SEPARATOR))
                    .append(c.linksTime() ? link(c.url(), c.time()) : TelegramHtml.escape(c.time()));
        }
        return new Segment("", "", List.of(new Line("<i>" + html + "</i>", c.plain(), "", "")), block.gap());
    }

    @Override
    public Segment entry(Block.Entry entry) {
        String label = PlainTextRenderer.entryLabel(entry);
        Line line = entry.marked()
                ? new Line(TelegramHtml.escape(label) + "<b>" + TelegramHtml.escape(entry.text()) + "</b>",
                        label + entry.text(), "<b>", "</b>")
                : splitter.line(label + entry.text());
        return new Segment("", "", List.of(line), entry.gap());
    }

    private static String link(String url, String text) {
        return "<a href=\"" + TelegramHtml.escapeAttribute(url) + "\">" + TelegramHtml.escape(text) + "</a>";
    }
}
