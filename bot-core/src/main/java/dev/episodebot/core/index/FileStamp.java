package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.KnowledgeFileRef;
import dev.episodebot.core.knowledge.LoadedFile;

/**
 * What the index records of the file an episode version was read from, to tell at a start whether
 * the file is still the same without reading it: its size and last-modified time (the rule of
 * {@code make} and {@code rsync}), and the SHA-256 of its bytes, compared when either differs or
 * when every file's content is checked.
 *
 * @param size the file's size in bytes
 * @param modifiedMillis its last-modified time when it was read
 * @param bytesHash SHA-256 (hex) of its bytes
 */
record FileStamp(long size, long modifiedMillis, String bytesHash) {

    static FileStamp of(LoadedFile file) {
        return new FileStamp(file.ref().size(), file.ref().modifiedMillis(), file.bytesHash());
    }

    /** Whether {@code ref} shows the same size and time as this stamp. */
    boolean sameAs(KnowledgeFileRef ref) {
        return ref.size() == size && ref.modifiedMillis() == modifiedMillis;
    }
}
