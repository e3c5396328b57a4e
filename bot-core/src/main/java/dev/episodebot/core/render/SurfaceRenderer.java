package dev.episodebot.core.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Quote;
import dev.episodebot.core.render.MessageSplitter.Line;
import dev.episodebot.core.render.MessageSplitter.Segment;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a reply on one {@link Surface}: lays it out ({@link ReplyLayout}), writes each block in
 * the surface's markup, and splits the result into messages of at most {@code limit} characters
 * ({@link MessageSplitter}). The same code serves Telegram, Discord and the console.
 */
public final class SurfaceRenderer {

    private final Surface surface;
    private final MessageSplitter splitter;

    /**
     * @param surface the surface's markup
     * @param limit the longest message, in characters of markup
     */
    public SurfaceRenderer(Surface surface, int limit) {
        this.surface = surface;
        this.splitter = new MessageSplitter(limit, surface.escape());
    }

    /** The messages of {@code reply}, in order; never empty. */
    public List<MessagePart> parts(BotReply reply) {
        List<MessagePart> parts = splitter.split(segments(reply));
        if (parts.isEmpty()) {
            String empty = Catalog.text(reply.language(), UiText.EMPTY_REPLY);
            return List.of(new MessagePart(surface.escape().apply(empty), empty));
        }
        return parts;
    }

    /**
     * One message showing the start of {@code reply} (for a message edited while an answer is
     * streamed): its first message, ending in an ellipsis when there is more.
     */
    public MessagePart preview(BotReply reply) {
        List<MessagePart> parts = new MessageSplitter(splitter.limit() - 2, surface.escape()).split(segments(reply));
        if (parts.isEmpty()) {
            return parts(reply).get(0);
        }
        MessagePart first = parts.get(0);
        return parts.size() == 1 ? first : new MessagePart(first.markup() + "\n…", first.plain() + "\n…");
    }

    /** The whole reply as one text, unsplit. */
    public String whole(BotReply reply) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments(reply)) {
            if (out.length() > 0) {
                out.append("\n".repeat(segment.gap()));
            }
            out.append(segment.open());
            for (int i = 0; i < segment.lines().size(); i++) {
                out.append(i > 0 ? "\n" : "").append(segment.lines().get(i).markup());
            }
            out.append(segment.close());
        }
        return out.toString();
    }

    /** The reply's blocks written in the surface's markup. */
    List<Segment> segments(BotReply reply) {
        List<Segment> segments = new ArrayList<>();
        for (Block block : ReplyLayout.of(reply)) {
            if (block instanceof Block.Text text) {
                segments.add(text(text));
            } else if (block instanceof Block.QuoteLines quote) {
                segments.add(quote(quote));
            } else if (block instanceof Block.CitationLine citation) {
                segments.add(citation(citation));
            } else if (block instanceof Block.Entry entry) {
                segments.add(entry(entry));
            }
        }
        return segments;
    }

    private Segment text(Block.Text text) {
        String open = switch (text.style()) {
            case NOTE -> surface.noteOpen();
            case HEADING -> surface.headingOpen();
            case PLAIN -> "";
        };
        String close = switch (text.style()) {
            case NOTE -> surface.noteClose();
            case HEADING -> surface.headingClose();
            case PLAIN -> "";
        };
        List<Line> lines = new ArrayList<>();
        for (String line : text.lines()) {
            lines.add(line.isBlank() ? splitter.line(line) : splitter.line(open, line, close));
        }
        return new Segment("", "", lines, text.gap());
    }

    private Segment quote(Block.QuoteLines block) {
        Quote quote = block.quote();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            lines.add(i == quote.answerLine()
                    ? splitter.line(surface.answerLineOpen(), quote.lines().get(i), surface.answerLineClose())
                    : splitter.line(surface.quoteLine(), quote.lines().get(i), ""));
        }
        return new Segment(surface.quoteOpen(), surface.quoteClose(), lines, block.gap());
    }

    private Segment citation(Block.CitationLine block) {
        CitationText c = block.citation();
        if (surface.link() == null) {
            return new Segment("", "", List.of(splitter.line(surface.citationOpen(), c.plain(), surface.citationClose())),
                    block.gap());
        }
        StringBuilder markup = new StringBuilder(surface.citationOpen())
                .append(surface.escape().apply(c.numberLabel() + c.prefix()))
                .append(c.url() != null && !c.linksTime() ? surface.link().apply(c.url(), c.title())
                        : surface.escape().apply(c.title()))
                .append(surface.escape().apply(CitationText.SEPARATOR + c.lines()));
        if (c.time() != null) {
            markup.append(surface.escape().apply(CitationText.SEPARATOR))
                    .append(c.linksTime() ? surface.link().apply(c.url(), c.time()) : surface.escape().apply(c.time()));
        }
        markup.append(surface.citationClose());
        return new Segment("", "", List.of(new Line(markup.toString(), c.plain(), "", "")), block.gap());
    }

    private Segment entry(Block.Entry entry) {
        String label = PlainTextRenderer.entryLabel(entry);
        Line line = entry.marked()
                ? new Line(surface.escape().apply(label) + surface.markOpen() + surface.escape().apply(entry.text())
                        + surface.markClose(), label + entry.text(), surface.markOpen(), surface.markClose())
                : splitter.line(label + entry.text());
        return new Segment("", "", List.of(line), entry.gap());
    }
}
