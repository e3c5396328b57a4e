package dev.episodebot.core.index;

import dev.episodebot.core.knowledge.KnowledgeLoader;
import dev.episodebot.core.knowledge.LoadedFile;
import dev.episodebot.core.knowledge.SkippedFile;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files the next state serves: what the loader read, except that a file the previous state
 * indexed and that can no longer be read keeps its last good version (and is listed as skipped,
 * saying so); and every skipped entry, for the report and {@code /status}.
 */
record ServedFiles(List<LoadedFile> files, List<SkippedFile> skipped) {

    private static final Logger log = LoggerFactory.getLogger(ServedFiles.class);

    static ServedFiles of(IndexState previous, KnowledgeLoader.Load load) {
        List<LoadedFile> files = new ArrayList<>(load.files().size());
        List<SkippedFile> skipped = new ArrayList<>(load.otherSkipped());
        for (LoadedFile file : load.files()) {
            IndexState.Episode before = previous.entry(file.ref().source());
            if (!file.ok() && before != null) {
                log.warn("Knowledge file {} can no longer be read ({}); its previous version stays indexed",
                        file.ref().source(), file.skipped().reason());
                file = before.file().keptAs(file.ref(), new SkippedFile(file.ref().source(),
                        file.skipped().reason() + "; serving the previous version"));
            }
            if (file.skipped() != null) {
                skipped.add(file.skipped());
            }
            files.add(file);
        }
        return new ServedFiles(List.copyOf(files), List.copyOf(skipped));
    }
}
