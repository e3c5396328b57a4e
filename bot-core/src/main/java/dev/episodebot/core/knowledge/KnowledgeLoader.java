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
        List<KnowledgeFileRef> refs = scan.files();
        LoadedFile[] loaded = new LoadedFile[refs.size()];
        boolean[] reread = new boolean[refs.size()];
        // files are read and parsed on all cores (a thousand episodes at a restart)
        java.util.stream.IntStream.range(0, refs.size()).parallel().forEach(i -> {
            KnowledgeFileRef ref = refs.get(i);
            LoadedFile before = previous.get(ref.source());
            if (before != null && before.sameAs(ref)) {
                loaded[i] = before;
                return;
            }
            reread[i] = true;
            loaded[i] = read(ref);
        });
        List<LoadedFile> files = new ArrayList<>(refs.size());
        int read = 0;
        int reused = 0;
        for (int i = 0; i < loaded.length; i++) {
            files.add(loaded[i]);
            if (reread[i]) {
                read++;
                if (loaded[i].skipped() != null) {
                    log.warn("Skipping knowledge file {}: {}", loaded[i].ref().source(), loaded[i].skipped().reason());
                }
            } else {
                reused++;
            }
        }
        for (SkippedFile skipped : scan.skipped()) {
            log.warn("Skipping knowledge entry {}: {}", skipped.source(), skipped.reason());
        }
        return new Load(List.copyOf(files), scan.skipped(), read, reused);
    }

    private LoadedFile read(KnowledgeFileRef ref) {
        try {
            return new LoadedFile(ref, reader.read(ref.path(), ref.source()), null);
        } catch (KnowledgeFormatException e) {
            return new LoadedFile(ref, null, new SkippedFile(ref.source(), e.getMessage()));
        } catch (RuntimeException e) {
            return new LoadedFile(ref, null, new SkippedFile(ref.source(), "cannot be parsed: " + e));
        }
    }
}
