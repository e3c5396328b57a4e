package dev.episodebot.telegram.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs paragraphs (lists of {@link Line lines}) into messages of at most {@code limit} characters
 * of HTML: whole paragraphs when they fit, else whole lines, and only a line longer than a message
 * is cut, at a space when there is one, between escaped characters (never inside an entity or a
 * surrogate pair). The HTML length bounds the visible length, so every part also fits once parsed,
 * and so does its plain form.
 */
public final class MessageSplitter {

    /** Telegram's limit for one text message. */
    public static final int TELEGRAM_LIMIT = 4096;

    private final int limit;

    public MessageSplitter(int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        this.limit = limit;
    }

    public MessageSplitter() {
        this(TELEGRAM_LIMIT);
    }

    /** The parts, in reading order; at least one when any line has text. */
    public List<MessagePart> split(List<List<Line>> paragraphs) {
        Packer packer = new Packer();
        for (List<Line> paragraph : paragraphs) {
            if (paragraph.isEmpty()) {
                continue;
            }
            Line whole = join(paragraph);
            if (packer.fits(whole, true)) {
                packer.append(whole, true);
            } else if (whole.html().length() <= limit) {
                packer.flush();
                packer.append(whole, true);
            } else {
                boolean first = true;
                for (Line line : paragraph) {
                    addLine(packer, line, first);
                    first = false;
                }
            }
        }
        packer.flush();
        return packer.parts;
    }

    private void addLine(Packer packer, Line line, boolean startsParagraph) {
        if (packer.fits(line, startsParagraph)) {
            packer.append(line, startsParagraph);
            return;
        }
        if (line.html().length() <= limit) {
            packer.flush();
            packer.append(line, startsParagraph);
            return;
        }
        // one line longer than a message: cut its plain text (markup lines lose their markup)
        boolean first = true;
        for (String piece : cut(line.plain())) {
            Line pieceLine = Line.text(piece);
            if (packer.fits(pieceLine, first && startsParagraph)) {
                packer.append(pieceLine, first && startsParagraph);
            } else {
                packer.flush();
                packer.append(pieceLine, false);
            }
            first = false;
        }
    }

    /** Cuts plain text into pieces whose escaped form fits, preferring spaces. */
    private List<String> cut(String plain) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < plain.length()) {
            int escapedLength = 0;
            int end = start;
            int lastSpace = -1;
            while (end < plain.length()) {
                int cp = plain.codePointAt(end);
                int width = TelegramHtml.escape(new String(Character.toChars(cp))).length();
                if (escapedLength + width > limit) {
                    break;
                }
                escapedLength += width;
                end += Character.charCount(cp);
                if (Character.isWhitespace(cp)) {
                    lastSpace = end;
                }
            }
            if (end < plain.length() && lastSpace > start + limit / 2) {
                end = lastSpace;
            }
            pieces.add(plain.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static Line join(List<Line> lines) {
        if (lines.size() == 1) {
            return lines.get(0);
        }
        StringBuilder html = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        boolean markup = false;
        for (Line line : lines) {
            if (html.length() > 0 || plain.length() > 0) {
                html.append('\n');
                plain.append('\n');
            }
            html.append(line.html());
            plain.append(line.plain());
            markup |= line.markup();
        }
        return new Line(html.toString(), plain.toString(), markup);
    }

    /** Accumulates one message at a time. */
    private final class Packer {
        private final List<MessagePart> parts = new ArrayList<>();
        private final StringBuilder html = new StringBuilder();
        private final StringBuilder plain = new StringBuilder();

        boolean fits(Line line, boolean startsParagraph) {
            return html.length() + separator(startsParagraph).length() + line.html().length() <= limit;
        }

        void append(Line line, boolean startsParagraph) {
            String separator = separator(startsParagraph);
            html.append(separator).append(line.html());
            plain.append(separator).append(line.plain());
        }

        private String separator(boolean startsParagraph) {
            if (html.length() == 0) {
                return "";
            }
            return startsParagraph ? "\n\n" : "\n";
        }

        void flush() {
            if (!html.toString().isBlank()) {
                parts.add(new MessagePart(html.toString(), plain.toString()));
            }
            html.setLength(0);
            plain.setLength(0);
        }
    }
}
