package dev.episodebot.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.zip.CRC32;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;

/**
 * Checks the footer checksum of every file of a Lucene commit, as {@link CodecUtil#checksumEntireFile}
 * does (the CRC32 of all bytes before the checksum itself, against the footer's value), but reading
 * each file in 1 MB blocks through a plain channel: Lucene's buffered input reads a file 1 KB per
 * system call, and that check was a visible part of a warm start's profile (JFR, bench at 1,000
 * episodes; it grows with the index). Plain reads also keep the checked bytes out of this process's
 * memory, unlike a memory map.
 */
final class FileChecksums {

    private static final int BLOCK = 1 << 20;
    private static final int FOOTER = CodecUtil.footerLength();

    private FileChecksums() {}

    /** Checks the files (names within {@code dir}) on all cores; throws on the first that fails. */
    static void verify(Path dir, Collection<String> files) throws IOException {
        try {
            files.parallelStream().forEach(name -> {
                try {
                    verify(dir.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static void verify(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < FOOTER) {
                throw new CorruptIndexException("shorter than a footer (" + size + " bytes)", file.toString());
            }
            CRC32 crc = new CRC32();
            ByteBuffer block = ByteBuffer.allocateDirect((int) Math.min(BLOCK, Math.max(size - Long.BYTES, 1)));
            long covered = size - Long.BYTES;
            long position = 0;
            while (position < covered) {
                block.clear();
                block.limit((int) Math.min(block.capacity(), covered - position));
                int read = channel.read(block, position);
                if (read < 0) {
                    throw new CorruptIndexException("ended early", file.toString());
                }
                block.flip();
                crc.update(block);
                position += read;
            }
            ByteBuffer footer = ByteBuffer.allocate(FOOTER).order(ByteOrder.BIG_ENDIAN);
            while (footer.hasRemaining()) {
                if (channel.read(footer, size - FOOTER + footer.position()) < 0) {
                    throw new CorruptIndexException("ended early", file.toString());
                }
            }
            footer.flip();
            int magic = footer.getInt();
            int algorithm = footer.getInt();
            long expected = footer.getLong();
            if (magic != CodecUtil.FOOTER_MAGIC || algorithm != 0) {
                throw new CorruptIndexException("no valid footer", file.toString());
            }
            if (expected != crc.getValue()) {
                throw new CorruptIndexException("checksum failed (expected " + Long.toHexString(expected) + ", got "
                        + Long.toHexString(crc.getValue()) + ")", file.toString());
            }
        }
    }
}
