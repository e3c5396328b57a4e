package dev.episodebot.core.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one knowledge file: checks its size, refuses binary content, decodes strict UTF-8 (with
 * or without BOM), and hands the text to the parser for its extension.
 */
public final class KnowledgeReader {

    private final long maxFileBytes;
    private final Map<String, TranscriptParser> parsers;

    public KnowledgeReader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        PlainTextParser plain = new PlainTextParser();
        this.parsers = Map.of(
                "txt", plain,
                "md", plain,
                "srt", new SubtitleParser(SubtitleParser.Dialect.SRT),
                "vtt", new SubtitleParser(SubtitleParser.Dialect.VTT));
    }

    /** Whether a file name has an extension this reader understands. */
    public boolean supports(String fileName) {
        return parsers.containsKey(extension(fileName));
    }

    /**
     * Reads and parses {@code file}.
     *
     * @param file the file on disk
     * @param source its name relative to the knowledge folder
     * @throws KnowledgeFormatException with the reason when the file cannot be used
     */
    public Transcript read(Path file, String source) throws KnowledgeFormatException {
        TranscriptParser parser = parsers.get(extension(source));
        if (parser == null) {
            throw new KnowledgeFormatException("unsupported file type (use .txt, .md, .srt or .vtt)");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new KnowledgeFormatException("too large: " + megabytes(size) + " MB, the limit is "
                        + megabytes(maxFileBytes) + " MB (KNOWLEDGE_MAX_FILE_MB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KnowledgeFormatException("the file disappeared while it was being read");
        } catch (IOException e) {
            throw new KnowledgeFormatException("cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (bytes.length > maxFileBytes) {
            throw new KnowledgeFormatException("too large: grew past the limit while being read (KNOWLEDGE_MAX_FILE_MB)");
        }
        return parser.parse(source, decode(bytes));
    }

    /** Strict UTF-8 decoding; a leading BOM is dropped; NUL bytes mean binary content. */
    static String decode(byte[] bytes) throws KnowledgeFormatException {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw new KnowledgeFormatException("UTF-16 text: save it as UTF-8");
        }
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new KnowledgeFormatException("binary content (NUL byte at offset " + i + "), not a text transcript");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) (bytes.length - offset) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new KnowledgeFormatException(String.format(Locale.ROOT,
                    "not valid UTF-8 (byte 0x%02X at offset %d; GBK or another encoding?): save it as UTF-8",
                    bytes[at] & 0xFF, at));
        }
        try {
            CoderResult flush = decoder.flush(out);
            if (flush.isError()) {
                flush.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new KnowledgeFormatException("not valid UTF-8 (truncated at the end): save it as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash && dot >= 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
