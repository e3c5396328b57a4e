package dev.episodebot.core.knowledge;

import java.util.ArrayList;
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
            if (!SingleChar.SAFE[text.charAt(i)]) {
                return false;
            }
        }
        return true;
    }

    /** Which UTF-16 units stay one character (or none) under BERT normalisation, computed once. */
    private static final class SingleChar {
        static final boolean[] SAFE = new boolean[Character.MAX_VALUE + 1];

        static {
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                if (c < 0x80) {
                    SAFE[c] = true;
                } else if (!Character.isSurrogate((char) c) && c != 0x130) {
                    String s = String.valueOf((char) c);
                    String lower = s.toLowerCase(java.util.Locale.ROOT);
                    SAFE[c] = lower.length() == 1
                            && java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).length() <= 1
                            && java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFKD).length() <= 1;
                }
            }
        }
    }

    public List<Chunk> chunk(Transcript transcript) {
        List<TranscriptLine> units = units(transcript.lines());
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < units.size()) {
            int j = i;
            int size = 0;
            while (j < units.size() && (j == i || size + units.get(j).text().length() <= options.targetChars())) {
                size += units.get(j).text().length();
                j++;
            }
            addFitting(transcript, units.subList(i, j), chunks);
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

    private void addFitting(Transcript transcript, List<TranscriptLine> units, List<Chunk> out) {
        String text = join(units);
        if (units.size() > 1 && !fits(text)) {
            int half = units.size() / 2;
            addFitting(transcript, units.subList(0, half), out);
            addFitting(transcript, units.subList(half, units.size()), out);
            return;
        }
        out.add(new Chunk(transcript.source(), transcript.title(), transcript.url(), units, text));
    }

    /** Lines, with long lines cut into sentence-sized pieces that keep the line's number and times. */
    List<TranscriptLine> units(List<TranscriptLine> lines) {
        int limit = options.targetChars();
        List<TranscriptLine> units = new ArrayList<>();
        for (TranscriptLine line : lines) {
            if (line.text().length() <= limit && fits(line.text())) {
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
