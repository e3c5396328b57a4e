package dev.episodebot.telegram.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a {@link BotReply} for Telegram: the reply text escaped as it is (its paragraphs and
 * lines kept), then, when the core cites sources, a compact numbered list: each citation's label,
 * linked when the core has a URL, and the start of the quoted passage. No text is changed, only
 * escaped.
 */
public final class ReplyRenderer {

    /** Longest quote excerpt shown under an answer. */
    static final int QUOTE_EXCERPT = 80;

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R[\\h\\x0B\\f]*\\R(?:[\\h\\x0B\\f]*\\R)*");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private final MessageSplitter splitter;

    public ReplyRenderer(MessageSplitter splitter) {
        this.splitter = splitter;
    }

    public ReplyRenderer() {
        this(new MessageSplitter());
    }

    /** The messages to send, in order; never empty. */
    public List<MessagePart> render(BotReply reply) {
        List<List<Line>> paragraphs = new ArrayList<>(textParagraphs(reply.text()));
        if (!reply.citations().isEmpty()) {
            paragraphs.add(citationList(reply.citations(), reply.language()));
        }
        List<MessagePart> parts = splitter.split(paragraphs);
        return parts.isEmpty() ? List.of(new MessagePart("…", "…")) : parts;
    }

    /** Plain text as paragraphs of escaped lines. */
    static List<List<Line>> textParagraphs(String text) {
        List<List<Line>> paragraphs = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(text.strip())) {
            if (paragraph.isBlank()) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            for (String line : LINE_BREAK.split(paragraph)) {
                lines.add(Line.text(line.stripTrailing()));
            }
            paragraphs.add(lines);
        }
        return paragraphs;
    }

    private static List<Line> citationList(List<Citation> citations, Language language) {
        List<Line> lines = new ArrayList<>();
        String header = language == Language.ZH ? "来源" : "Sources";
        lines.add(Line.markup("<b>" + header + "</b>", header));
        int number = 1;
        for (Citation citation : citations) {
            lines.add(citationLine(number++, citation));
        }
        return lines;
    }

    static Line citationLine(int number, Citation citation) {
        String label = citation.label();
        String excerpt = excerpt(citation.quote());
        StringBuilder html = new StringBuilder().append(number).append(". ");
        StringBuilder plain = new StringBuilder().append(number).append(". ");
        if (TelegramHtml.isLinkable(citation.url())) {
            html.append("<a href=\"").append(TelegramHtml.escapeAttribute(citation.url())).append("\">")
                    .append(TelegramHtml.escape(label)).append("</a>");
            plain.append(label).append(" (").append(citation.url()).append(')');
        } else {
            html.append(TelegramHtml.escape(label));
            plain.append(label);
        }
        if (!excerpt.isEmpty()) {
            html.append(" <i>“").append(TelegramHtml.escape(excerpt)).append("”</i>");
            plain.append(" “").append(excerpt).append('”');
        }
        return Line.markup(html.toString(), plain.toString());
    }

    /** The quote on one line, cut at {@value #QUOTE_EXCERPT} characters (whole code points). */
    static String excerpt(String quote) {
        String oneLine = quote.strip().replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= QUOTE_EXCERPT) {
            return oneLine;
        }
        int end = oneLine.offsetByCodePoints(0, QUOTE_EXCERPT - 1);
        return oneLine.substring(0, end).stripTrailing() + "…";
    }
}
