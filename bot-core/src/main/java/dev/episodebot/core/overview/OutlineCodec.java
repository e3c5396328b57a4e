package dev.episodebot.core.overview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** An {@link Outline} as the bytes the index keeps ({@link OutlineDeriver}): UTF-8 JSON of the record. */
final class OutlineCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private OutlineCodec() {}

    static byte[] encode(Outline outline) {
        try {
            return JSON.writeValueAsBytes(outline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outline, or empty when the bytes are not one (damaged, or another format). */
    static Optional<Outline> decode(byte[] bytes) {
        try {
            return Optional.of(JSON.readValue(bytes, Outline.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
