package dev.episodebot.core.knowledge;

/**
 * The outcome of reading one knowledge file: a transcript, or the reason it was skipped.
 *
 * @param ref the file as found on disk (size and time tell whether it changed since)
 * @param transcript the parsed transcript, or null when skipped
 * @param skipped why the file was skipped, or null; set together with a transcript when the file
 *     became unreadable and its previous version is still served
 * @param bytesHash SHA-256 (hex) of the bytes the transcript was parsed from, or null without a transcript
 */
public record LoadedFile(KnowledgeFileRef ref, Transcript transcript, SkippedFile skipped, String bytesHash) {

    public boolean ok() {
        return transcript != null;
    }

    /** Whether {@code other} is the same file, unchanged on disk. */
    public boolean sameAs(KnowledgeFileRef other) {
        return ref.source().equals(other.source()) && ref.size() == other.size()
                && ref.modifiedMillis() == other.modifiedMillis();
    }

    /** This file's version, found at {@code now} (the same content under a new size or time). */
    public LoadedFile at(KnowledgeFileRef now) {
        return new LoadedFile(now, transcript, null, bytesHash);
    }

    /** This file's version, still served although the file is skipped now for {@code why}. */
    public LoadedFile keptAs(KnowledgeFileRef now, SkippedFile why) {
        return new LoadedFile(now, transcript, why, bytesHash);
    }
}
