package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.LoadedFile;
import dev.episodebot.core.knowledge.Transcript;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.support.OnDemandList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One episode as the index holds it: where it comes from, its front matter, the hash of its
 * content, its lines, and the values later stages derived from it ({@link EpisodeDeriver}),
 * computed once per content hash and kept in the index.
 *
 * @param source path relative to the knowledge folder
 * @param title the title from front matter, or null
 * @param url the link from front matter, or null
 * @param contentHash names the content: SHA-256 (hex) over the source and its bytes ({@link #contentHash(String, String)})
 * @param lines the transcript lines
 * @param derived derived values by {@link EpisodeDeriver#name()}
 */
public record EpisodeRecord(String source, String title, String url, String contentHash, List<TranscriptLine> lines,
        Map<String, byte[]> derived) {

    public EpisodeRecord {
        lines = lines instanceof OnDemandList ? lines : List.copyOf(lines); // read from the index when needed
        derived = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(derived));
    }

    /** The record of a file's transcript, without derived values yet. */
    public static EpisodeRecord of(LoadedFile file) {
        Transcript transcript = file.transcript();
        return new EpisodeRecord(transcript.source(), transcript.title(), transcript.url(),
                contentHash(transcript.source(), file.bytesHash()), transcript.lines(), Map.of());
    }

    /** A derived value (a copy), if this episode has one under that name. */
    public Optional<byte[]> derived(String name) {
        byte[] value = derived.get(name);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** This record with one more derived value. */
    EpisodeRecord withDerived(String name, byte[] value) {
        Map<String, byte[]> next = new LinkedHashMap<>(derived);
        next.put(name, value.clone());
        return new EpisodeRecord(source, title, url, contentHash, lines, next);
    }

    /** This record with the same lines held another way (read from the index when needed). */
    EpisodeRecord withLines(List<TranscriptLine> same) {
        return new EpisodeRecord(source, title, url, contentHash, same, derived);
    }

    /** This record with the derived values of an earlier record of the same content. */
    EpisodeRecord withDerived(Map<String, byte[]> values) {
        return new EpisodeRecord(source, title, url, contentHash, lines, values);
    }

    /**
     * The name of an episode's content: SHA-256 over its source and the hash of the bytes it was
     * parsed from (the loader's, so no line is hashed a second time). The lines, title and link are
     * a function of these two and of the parsers, whose changes change {@link IndexFields#FORMAT}.
     */
    static String contentHash(String source, String bytesHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, source);
            update(digest, bytesHash == null ? "\u0000" : bytesHash);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }
}
