package dev.episodebot.core.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the knowledge folder. Given the files of the previous load, only files whose size or
 * modification time changed are read again. Each skipped file is logged once with its reason.
 */
public final class KnowledgeLoader {

    /** A load: every file found (read or skipped), plus folder-level entries that were skipped. */
    public record Load(List<LoadedFile> files, List<SkippedFile> otherSkipped, int read, int reused) {

        /** All skipped entries, files and folders. */
        public List<SkippedFile> skipped() {
            List<SkippedFile> all = new ArrayList<>(otherSkipped);
            for (LoadedFile file : files) {
                if (file.skipped() != null) {
                    all.add(file.skipped());
                }
            }
            return all;
        }

        public List<Transcript> transcripts() {
            List<Transcript> transcripts = new ArrayList<>();
            for (LoadedFile file : files) {
                if (file.ok()) {
                    transcripts.add(file.transcript());
                }
            }
            return transcripts;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(KnowledgeLoader.class);

    private final KnowledgeScanner scanner;
    private final KnowledgeReader reader;

    public KnowledgeLoader(KnowledgeReader reader) {
        this.reader = reader;
        this.scanner = new KnowledgeScanner(reader);
    }

    /**
     * Loads {@code dir}.
     *
     * @param previous the files of the previous load by source, reused when unchanged
     */
    public Load load(Path dir, Map<String, LoadedFile> previous) throws IOException {
        KnowledgeScanner.Scan scan = scanner.scan(dir);
        List<LoadedFile> files = new ArrayList<>(scan.files().size());
        int read = 0;
        int reused = 0;
        for (KnowledgeFileRef ref : scan.files()) {
            LoadedFile before = previous.get(ref.source());
            if (before != null && before.sameAs(ref)) {
                files.add(before);
                reused++;
                continue;
            }
            read++;
            try {
                files.add(new LoadedFile(ref, reader.read(ref.path(), ref.source()), null));
            } catch (KnowledgeFormatException e) {
                SkippedFile skipped = new SkippedFile(ref.source(), e.getMessage());
                log.warn("Skipping knowledge file {}: {}", ref.source(), e.getMessage());
                files.add(new LoadedFile(ref, null, skipped));
            } catch (RuntimeException e) {
                SkippedFile skipped = new SkippedFile(ref.source(), "cannot be parsed: " + e);
                log.warn("Skipping knowledge file {}: {}", ref.source(), skipped.reason());
                files.add(new LoadedFile(ref, null, skipped));
            }
        }
        for (SkippedFile skipped : scan.skipped()) {
            log.warn("Skipping knowledge entry {}: {}", skipped.source(), skipped.reason());
        }
        return new Load(List.copyOf(files), scan.skipped(), read, reused);
    }
}
