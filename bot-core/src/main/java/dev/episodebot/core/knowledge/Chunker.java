package dev.episodebot.core.knowledge;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Splits a transcript into overlapping chunks of whole lines. Subtitle lines (short, often
 * without punctuation) are kept whole; a long line (prose in a {@code .md}) is first cut into
 * sentences at {@code 。！？；.!?;}, and a sentence still too long is cut at the size limit.
 * Every chunk is checked against the embedding model's token limit and halved until it fits.
 */
public final class Chunker {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;])|(?<=[.](?=\\s))");

    private final ChunkingOptions options;
    private final ToIntFunction<String> tokenCounter;
    private final boolean wordPieceBound;

    /**
     * @param options sizes
     * @param tokenCounter counts the embedding model's tokens in a text
     */
    public Chunker(ChunkingOptions options, ToIntFunction<String> tokenCounter) {
        this(options, tokenCounter, false);
    }

    /**
     * @param options sizes
     * @param tokenCounter counts the embedding model's tokens in a text
     * @param wordPieceBound whether {@code tokenCounter} is a BERT WordPiece tokenizer (the in-process
     *     models' is): then a text made only of ASCII, CJK ideographs and CJK or general punctuation
     *     has at most one token per character, and a text that short enough is not tokenised at all
     *     (most subtitle lines and chunks: chunking a thousand episodes takes a fraction of a second)
     */
    public Chunker(ChunkingOptions options, ToIntFunction<String> tokenCounter, boolean wordPieceBound) {
        this.options = options;
        this.tokenCounter = tokenCounter;
        this.wordPieceBound = wordPieceBound;
    }

    /** Whether a text is within the model's token limit. */
    private boolean fits(String text) {
        if (wordPieceBound && text.length() <= options.maxTokens() && oneTokenPerCharAtMost(text)) {
            return true;
        }
        return tokenCounter.applyAsInt(text) <= options.maxTokens();
    }

    /**
     * Whether WordPiece cannot make more tokens than characters of this text: every token covers at
     * least one character after normalisation, and none of these characters grows under BERT's
     * normalisation (lower-casing, accent stripping by decomposition; compatibility decomposition
     * is checked too, to be safe). Surrogate pairs and any growing character send the text to the
     * real tokenizer.
     */
    static boolean oneTokenPerCharAtMost(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!SingleChar.safe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which UTF-16 units stay one character (or none) under BERT normalisation, each computed when
     * first seen (the whole table took a noticeable part of a warm start; a transcript uses a few
     * thousand distinct characters). Races only recompute the same answer.
     */
    private static final class SingleChar {
        private static final byte UNKNOWN = 0;
        private static final byte SAFE = 1;
        private static final byte UNSAFE = 2;
        private static final byte[] STATE = new byte[Character.MAX_VALUE + 1];

        static boolean safe(char c) {
            if (c < 0x80) {
                return true;
            }
            byte state = STATE[c];
            if (state == UNKNOWN) {
                state = compute(c) ? SAFE : UNSAFE;
                STATE[c] = state;
            }
            return state == SAFE;
        }

        private static boolean compute(char c) {
            if (Character.isSurrogate(c) || c == 0x130) {
                return false;
            }
            String s = String.valueOf(c);
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            return lower.length() == 1
                    && java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).length() <= 1
                    && java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFKD).length() <= 1;
        }
    }

    public List<Chunk> chunk(Transcript transcript) {
        // which units are known to have at most one token per character (the check that let a whole
        // line through): a short enough chunk of such units fits without a scan of its own
        BitSet knownBounded = new BitSet();
        List<TranscriptLine> units = units(transcript.lines(), knownBounded);
        boolean[] bounded = new boolean[units.size()];
        for (int u = 0; u < units.size(); u++) {
            bounded[u] = knownBounded.get(u);
        }
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < units.size()) {
            int j = i;
            int size = 0;
            while (j < units.size() && (j == i || size + units.get(j).text().length() <= options.targetChars())) {
                size += units.get(j).text().length();
                j++;
            }
            addFitting(transcript, units, bounded, i, j, chunks);
            if (j >= units.size()) {
                break;
            }
            int k = j;
            int overlap = 0;
            while (k - 1 > i && overlap + units.get(k - 1).text().length() <= options.overlapChars()) {
                k--;
                overlap += units.get(k).text().length();
            }
            i = Math.max(k, i + 1);
        }
        return chunks;
    }

    private void addFitting(Transcript transcript, List<TranscriptLine> units, boolean[] bounded, int from, int to,
            List<Chunk> out) {
        List<TranscriptLine> part = units.subList(from, to);
        String text = join(part);
        if (part.size() > 1 && !fits(text, bounded, from, to)) {
            int half = from + part.size() / 2;
            addFitting(transcript, units, bounded, from, half, out);
            addFitting(transcript, units, bounded, half, to, out);
            return;
        }
        out.add(new Chunk(transcript.source(), transcript.title(), transcript.url(), part, text));
    }

    /** Whether a chunk's text fits, known without a scan when all its units are bounded and it is short enough. */
    private boolean fits(String text, boolean[] bounded, int from, int to) {
        if (text.length() <= options.maxTokens()) {
            boolean all = true;
            for (int u = from; u < to && all; u++) {
                all = bounded[u];
            }
            if (all) {
                return true;
            }
        }
        return fits(text);
    }

    /** Lines, with long lines cut into sentence-sized pieces that keep the line's number and times. */
    List<TranscriptLine> units(List<TranscriptLine> lines) {
        return units(lines, new BitSet());
    }

    /** {@link #units(List)}, setting in {@code bounded} the units known to have at most one token per character. */
    private List<TranscriptLine> units(List<TranscriptLine> lines, BitSet bounded) {
        int limit = options.targetChars();
        List<TranscriptLine> units = new ArrayList<>();
        for (TranscriptLine line : lines) {
            String text = line.text();
            boolean fast = wordPieceBound && text.length() <= options.maxTokens() && oneTokenPerCharAtMost(text);
            if (text.length() <= limit && (fast || tokenCounter.applyAsInt(text) <= options.maxTokens())) {
                if (fast) {
                    bounded.set(units.size());
                }
                units.add(line);
                continue;
            }
            StringBuilder piece = new StringBuilder();
            for (String sentence : SENTENCE_END.split(line.text())) {
                if (piece.length() > 0 && piece.length() + sentence.length() > limit) {
                    addPieces(line, piece.toString(), units);
                    piece.setLength(0);
                }
                piece.append(sentence);
            }
            if (piece.length() > 0) {
                addPieces(line, piece.toString(), units);
            }
        }
        return units;
    }

    private void addPieces(TranscriptLine line, String text, List<TranscriptLine> units) {
        int limit = options.targetChars();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + limit);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            String piece = text.substring(start, end);
            while (piece.length() > 1 && !fits(piece)) {
                end = start + piece.length() / 2;
                piece = text.substring(start, end);
            }
            if (!piece.isBlank()) {
                units.add(new TranscriptLine(line.lineNumber(), piece, line.startMillis(), line.endMillis()));
            }
            start = end;
        }
    }

    /** Joins units: a new line number starts a new text line; pieces of one line are glued back. */
    public static String join(List<TranscriptLine> units) {
        int length = units.size();
        for (TranscriptLine unit : units) {
            length += unit.text().length();
        }
        StringBuilder sb = new StringBuilder(length);
        int previous = Integer.MIN_VALUE;
        for (TranscriptLine unit : units) {
            if (sb.length() > 0 && unit.lineNumber() != previous) {
                sb.append('\n');
            }
            sb.append(unit.text());
            previous = unit.lineNumber();
        }
        return sb.toString();
    }
}
