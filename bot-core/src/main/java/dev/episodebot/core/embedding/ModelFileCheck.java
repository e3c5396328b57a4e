package dev.episodebot.core.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.zip.CRC32;

/**
 * The check file beside an optimised model in {@code CACHE_DIR/models}: format version, model id,
 * the CRC-32 of the jar resource it was made from, and the optimised file's own size and CRC-32.
 * {@link #holds()} is true only when all of them match, so a flipped byte in the model or its check
 * file, or a model made from another jar, is never used.
 */
final class ModelFileCheck {

    private static final String VERSION = "1";

    private final Path model;
    private final Path checkFile;
    private final String modelId;
    private final long sourceCrc;

    ModelFileCheck(Path model, String modelId, long sourceCrc) {
        this.model = model;
        this.checkFile = model.resolveSibling(model.getFileName() + ".check");
        this.modelId = modelId;
        this.sourceCrc = sourceCrc;
    }

    /** Whether the model file is the one the check file describes. */
    boolean holds() {
        try {
            if (!Files.isRegularFile(model) || !Files.isRegularFile(checkFile) || Files.size(checkFile) > 4096) {
                return false;
            }
            Properties expected = describe();
            Properties found = new Properties();
            try (InputStream in = Files.newInputStream(checkFile)) {
                found.load(in);
            }
            return expected.equals(found);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes the check file for the model file as it is now. */
    void write() throws IOException {
        Path temp = checkFile.resolveSibling(checkFile.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        describe().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(temp, text, StandardCharsets.ISO_8859_1);
        Files.move(temp, checkFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the model and its check file. */
    void delete() throws IOException {
        Files.deleteIfExists(checkFile);
        Files.deleteIfExists(model);
    }

    private Properties describe() throws IOException {
        Properties p = new Properties();
        p.setProperty("version", VERSION);
        p.setProperty("model", modelId);
        p.setProperty("source-crc32", Long.toHexString(sourceCrc));
        p.setProperty("size", Long.toString(Files.size(model)));
        p.setProperty("crc32", Long.toHexString(crc(model)));
        return p;
    }

    /** The CRC-32 of a file. */
    static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
        }
        return crc.getValue();
    }

    /**
     * The CRC-32 of a classpath resource: from the jar's directory when it is a jar entry (nothing is
     * decompressed), else computed from its bytes.
     */
    static long resourceCrc(ClassLoader loader, String resource) throws IOException {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            long crc = jar.getJarEntry().getCrc();
            jar.getJarFile().close();
            if (crc >= 0) {
                return crc;
            }
        }
        CRC32 crc = new CRC32();
        try (InputStream in = url.openStream()) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
