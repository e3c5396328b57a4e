package dev.episodebot.core.knowledge;

/** Turns the decoded text of one knowledge file into a {@link Transcript}. */
public interface TranscriptParser {

    /**
     * @param source the file's path relative to the knowledge folder
     * @param text the whole file, decoded, without BOM
     * @throws KnowledgeFormatException when the file does not follow its format
     */
    Transcript parse(String source, String text) throws KnowledgeFormatException;
}
