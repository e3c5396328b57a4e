package dev.episodebot.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Packs rendered {@link Segment segments} into messages of at most {@code limit} characters of
 * markup, for any surface: give it the limit and the surface's escaping.
 *
 * <ul>
 *   <li>Whole segments go into a message while they fit; a segment that fits in no message is
 *       split between its lines, and each message's piece of it is wrapped in the segment's own
 *       opening and closing markup again (a Telegram {@code <blockquote>} is closed before the cut
 *       and reopened after it), so every message is balanced on its own.
 *   <li>Only a line longer than a message is cut: its plain text is cut (at a sentence end or a
 *       space in the second half when there is one, never inside a surrogate pair), each piece
 *       escaped again and wrapped in the line's own opening and closing markup. A cut therefore
 *       never falls inside a tag, an entity or an escape sequence.
 * </ul>
 *
 * <p>The markup length bounds the visible length, so a part fits once parsed too, and so does
 * its plain form.
 */
public final class MessageSplitter {

    private static final String SENTENCE_ENDS = ".!?。！？；;";
    private static final int MIN_TEXT_BUDGET = 8;

    /**
     * One line of a segment.
     *
     * @param markup the line rendered (balanced markup)
     * @param plain what the line reads as
     * @param open markup that opens the line, repeated before every piece when the line must be cut
     * @param close markup that closes it
     */
    public record Line(String markup, String plain, String open, String close) {

        public Line {
            Objects.requireNonNull(markup, "markup");
            Objects.requireNonNull(plain, "plain");
            open = open == null ? "" : open;
            close = close == null ? "" : close;
        }
    }

    /**
     * Lines that belong together (a paragraph, a quote).
     *
     * @param open markup before the segment's lines in each message ({@code <blockquote>}), or empty
     * @param close markup after them
     * @param lines the lines, joined with line breaks
     * @param gap line breaks before the segment when it follows another in the same message (1 or 2)
     */
    public record Segment(String open, String close, List<Line> lines, int gap) {

        public Segment {
            open = open == null ? "" : open;
            close = close == null ? "" : close;
            lines = List.copyOf(lines);
        }
    }

    private final int limit;
    private final UnaryOperator<String> escape;

    /**
     * @param limit the longest message, in characters of markup
     * @param escape the surface's escaping of plain text
     */
    public MessageSplitter(int limit, UnaryOperator<String> escape) {
        if (limit < 32) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        this.limit = limit;
        this.escape = Objects.requireNonNull(escape, "escape");
    }

    /** A line of plain text, escaped, wrapped in {@code open} and {@code close}. */
    public Line line(String open, String plain, String close) {
        return new Line(open + escape.apply(plain) + close, plain, open, close);
    }

    /** A line of plain text, escaped. */
    public Line line(String plain) {
        return line("", plain, "");
    }

    public int limit() {
        return limit;
    }

    /** The messages, in reading order; none when no segment has a line. */
    public List<MessagePart> split(List<Segment> segments) {
        Packer packer = new Packer();
        for (Segment segment : segments) {
            if (segment.lines().isEmpty()) {
                continue;
            }
            int whole = segmentLength(segment, segment.lines());
            if (whole <= limit) {
                if (!packer.fits(segment.gap(), whole)) {
                    packer.flush();
                }
                packer.add(segment, segment.lines());
                continue;
            }
            // too long for one message: split between lines, cutting only lines longer than a message
            List<Line> piece = new ArrayList<>();
            for (Line line : segment.lines()) {
                for (Line fitted : fit(segment, line)) {
                    piece.add(fitted);
                    if (!packer.fits(segment.gap(), segmentLength(segment, piece))) {
                        piece.remove(piece.size() - 1);
                        if (!piece.isEmpty()) {
                            packer.add(segment, piece);
                            piece = new ArrayList<>();
                        }
                        packer.flush();
                        piece.add(fitted);
                    }
                }
            }
            if (!piece.isEmpty()) {
                packer.add(segment, piece);
            }
        }
        packer.flush();
        return packer.parts;
    }

    /** The line, or its pieces when it alone is longer than a message can hold. */
    private List<Line> fit(Segment segment, Line line) {
        int room = limit - segment.open().length() - segment.close().length();
        if (line.markup().length() <= room) {
            return List.of(line);
        }
        String open = line.open();
        String close = line.close();
        int budget = room - open.length() - close.length();
        if (budget < MIN_TEXT_BUDGET) {
            open = "";
            close = "";
            budget = room;
        }
        List<Line> pieces = new ArrayList<>();
        for (String piece : cut(line.plain(), budget)) {
            pieces.add(line(open, piece, close));
        }
        return pieces;
    }

    /** Cuts plain text into pieces whose escaped form is at most {@code budget} characters. */
    List<String> cut(String plain, int budget) {
        List<String> pieces = new ArrayList<>();
        String rest = plain.strip();
        while (!rest.isEmpty()) {
            if (rest.length() <= budget && escape.apply(rest).length() <= budget) { // escaping never shortens
                pieces.add(rest);
                break;
            }
            int end = preferredCut(rest, longestFittingPrefix(rest, budget));
            String piece = rest.substring(0, end).stripTrailing();
            while (escape.apply(piece).length() > budget && end > 1) { // escaping can depend on what follows
                end = safeCut(rest, end - 1);
                piece = rest.substring(0, end).stripTrailing();
            }
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            rest = rest.substring(end).strip();
        }
        return pieces;
    }

    /** The longest prefix (in chars, on a code point boundary, at least one code point) whose escaped form fits. */
    private int longestFittingPrefix(String text, int budget) {
        int low = 1;
        int high = Math.min(text.length(), budget);
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (escape.apply(text.substring(0, safeCut(text, mid))).length() <= budget) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        int cut = safeCut(text, low);
        return cut == 0 ? Character.charCount(text.codePointAt(0)) : cut;
    }

    /** Where to cut at or before {@code max}: a sentence end or a space in the second half, else {@code max}. */
    private static int preferredCut(String text, int max) {
        int floor = max / 2;
        for (int i = max - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0 && (c > 0x2E80 || i + 1 >= text.length()
                    || Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        for (int i = max - 1; i >= floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return max;
    }

    /** {@code cut}, moved back one when it would split a surrogate pair. */
    private static int safeCut(String text, int cut) {
        int c = Math.max(0, Math.min(cut, text.length()));
        if (c > 0 && c < text.length() && Character.isHighSurrogate(text.charAt(c - 1))
                && Character.isLowSurrogate(text.charAt(c))) {
            c--;
        }
        return c;
    }

    private static int segmentLength(Segment segment, List<Line> lines) {
        int length = segment.open().length() + segment.close().length() + Math.max(0, lines.size() - 1);
        for (Line line : lines) {
            length += line.markup().length();
        }
        return length;
    }

    /** Accumulates one message at a time. */
    private final class Packer {
        private final List<MessagePart> parts = new ArrayList<>();
        private final StringBuilder markup = new StringBuilder();
        private final StringBuilder plain = new StringBuilder();

        boolean fits(int gap, int length) {
            int separator = markup.length() == 0 ? 0 : gap;
            return markup.length() + separator + length <= limit;
        }

        void add(Segment segment, List<Line> lines) {
            if (markup.length() > 0) {
                String separator = "\n".repeat(Math.max(1, segment.gap()));
                markup.append(separator);
                plain.append(separator);
            }
            markup.append(segment.open());
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    markup.append('\n');
                    plain.append('\n');
                }
                markup.append(lines.get(i).markup());
                plain.append(lines.get(i).plain());
            }
            markup.append(segment.close());
        }

        void flush() {
            if (!markup.toString().isBlank()) {
                parts.add(new MessagePart(markup.toString(), plain.toString()));
            }
            markup.setLength(0);
            plain.setLength(0);
        }
    }
}
