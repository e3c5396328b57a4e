package dev.episodebot.core.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one knowledge file: checks that its real path is inside the knowledge folder and that it
 * is a regular file before opening it (a FIFO, device or socket is never opened, so a link
 * flipped to a FIFO cannot block a refresh), opens it without following a link, checks its size,
 * refuses binary content, decodes strict UTF-8 (with or without BOM), and hands the text to the
 * parser for its extension. Reasons name no absolute path.
 */
public final class KnowledgeReader {

    /** The reason given for FIFOs, devices, sockets and other files that are not regular. */
    public static final String NOT_REGULAR = "not a regular file (FIFOs, devices and sockets are never opened)";

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
     * Reads and parses {@code file}, which is not in a knowledge folder (tools and tests): only
     * its type and size are checked.
     *
     * @param file the file on disk
     * @param source its name relative to the knowledge folder
     * @throws KnowledgeFormatException with the reason when the file cannot be used
     */
    public Transcript read(Path file, String source) throws KnowledgeFormatException {
        return parse(source, readBytes(file, null));
    }

    /**
     * Parses the content of a knowledge file.
     *
     * @param source its name relative to the knowledge folder (its extension picks the parser)
     * @param bytes what {@link #readBytes} returned
     */
    public Transcript parse(String source, byte[] bytes) throws KnowledgeFormatException {
        TranscriptParser parser = parsers.get(extension(source));
        if (parser == null) {
            throw new KnowledgeFormatException("unsupported file type (use .txt, .md, .srt or .vtt)");
        }
        return parser.parse(source, decode(bytes));
    }

    /**
     * The bytes of {@code file}, when its real path is inside {@code realRoot} (null: anywhere) and
     * it is a regular file within the size limit. The type is checked on the real path before it
     * is opened, and it is opened without following links.
     */
    public byte[] readBytes(Path file, Path realRoot) throws KnowledgeFormatException {
        try {
            Path real = file.toRealPath();
            if (realRoot != null && !real.startsWith(realRoot)) {
                throw new KnowledgeFormatException(KnowledgeScanner.OUTSIDE);
            }
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                throw new KnowledgeFormatException(NOT_REGULAR);
            }
            if (attrs.size() > maxFileBytes) {
                throw new KnowledgeFormatException("too large: " + megabytes(attrs.size()) + " MB, the limit is "
                        + megabytes(maxFileBytes) + " MB (KNOWLEDGE_MAX_FILE_MB)");
            }
            try (SeekableByteChannel channel = Files.newByteChannel(real, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)) {
                Object key = attrs.fileKey();
                if (key != null && !key.equals(Files.readAttributes(real, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).fileKey())) {
                    throw new KnowledgeFormatException("replaced while being opened; read on the next refresh");
                }
                return readAtMost(channel, maxFileBytes);
            }
        } catch (NoSuchFileException e) {
            throw new KnowledgeFormatException("the file disappeared while it was being read");
        } catch (IOException e) {
            throw new KnowledgeFormatException("cannot be read: " + describe(e));
        }
    }

    /** Up to {@code max} bytes; more means the file grew past the limit while being read. */
    private static byte[] readAtMost(SeekableByteChannel channel, long max) throws IOException, KnowledgeFormatException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(max, channel.size()) + 1);
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long total = 0;
        int n;
        while ((n = channel.read(buffer)) >= 0) {
            total += n;
            if (total > max) {
                throw new KnowledgeFormatException("too large: grew past the limit while being read (KNOWLEDGE_MAX_FILE_MB)");
            }
            out.write(buffer.array(), 0, n);
            buffer.clear();
        }
        return out.toByteArray();
    }

    /** An I/O failure by kind and the system's reason, never with the path. */
    static String describe(IOException e) {
        String reason = e instanceof FileSystemException fs ? fs.getReason() : null;
        return e.getClass().getSimpleName() + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
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
