package dev.episodebot.core.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the knowledge folder. Given the files of the previous load (or, at a start, the files the
 * index recorded: size, time and byte hash), only files whose size or modification time changed
 * are read again, and one whose bytes hash as before keeps its version; after {@link #checkContentOnNextLoad()} ({@code /reload},
 * and once shortly after a start) every file is read and compared by content, so an edit that kept
 * the size and the time ({@code touch -r}) is seen too, while unchanged files keep their previous
 * version (and their chunks and vectors).
 *
 * <p>Only a file that is really gone is dropped: a file that can no longer be read (permissions,
 * I/O errors, broken content) and every file of a folder that can no longer be listed keep their
 * last good version, marked as such in the load's skipped entries (and so in {@code /status}).
 * Each skipped file is logged once with its reason (relative name, never an absolute path), each
 * skipped folder-level entry once until it changes.
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

    /** Added to the reason of a file whose last good version is still served. */
    public static final String KEPT = "; serving the previous version";

    private static final Logger log = LoggerFactory.getLogger(KnowledgeLoader.class);

    private final KnowledgeScanner scanner;
    private final KnowledgeReader reader;
    /** The content hash of the version of each file this loader last read and served. */
    private final Map<String, byte[]> hashes = new ConcurrentHashMap<>();
    /** Folder-level entries logged by the previous load: logged again only when they change. */
    private Set<SkippedFile> logged = Set.of();
    private volatile boolean checkContent;

    public KnowledgeLoader(KnowledgeReader reader) {
        this.reader = reader;
        this.scanner = new KnowledgeScanner(reader);
    }

    /** The next load reads every file and compares contents, not only sizes and times ({@code /reload}). */
    public void checkContentOnNextLoad() {
        checkContent = true;
    }

    /** The files of the previous load by source, asked for once the folder is listed. */
    @FunctionalInterface
    public interface PreviousFiles {
        Map<String, LoadedFile> get() throws IOException;
    }

    /**
     * Loads {@code dir}.
     *
     * @param previous the files of the previous load by source, reused when unchanged
     */
    public Load load(Path dir, Map<String, LoadedFile> previous) throws IOException {
        return load(dir, () -> previous);
    }

    /**
     * Loads {@code dir}, listing it before asking for the previous files: at a start, the folder is
     * listed while the index that names them is still being opened.
     */
    public synchronized Load load(Path dir, PreviousFiles previousFiles) throws IOException {
        boolean byContent = checkContent;
        checkContent = false;
        KnowledgeScanner.Scan scan = scanner.scan(dir);
        Map<String, LoadedFile> previous = previousFiles.get();
        List<KnowledgeFileRef> refs = scan.files();
        LoadedFile[] loaded = new LoadedFile[refs.size()];
        boolean[] reread = new boolean[refs.size()];
        // files are read and parsed on all cores (a thousand episodes at a restart)
        IntStream.range(0, refs.size()).parallel().forEach(i -> {
            KnowledgeFileRef ref = refs.get(i);
            LoadedFile before = previous.get(ref.source());
            boolean unchanged = before != null && before.sameAs(ref) && before.skipped() == null;
            if (unchanged && !byContent) {
                loaded[i] = before;
                return;
            }
            LoadedFile now = read(ref, before, scan.realRoot());
            loaded[i] = now;
            reread[i] = now != before;
        });
        List<LoadedFile> files = new ArrayList<>(refs.size());
        Set<String> found = new HashSet<>();
        int read = 0;
        int reused = 0;
        for (int i = 0; i < loaded.length; i++) {
            files.add(loaded[i]);
            found.add(refs.get(i).source());
            if (reread[i]) {
                read++;
                LoadedFile before = previous.get(refs.get(i).source());
                boolean reportedBefore = before != null && before.skipped() != null
                        && before.skipped().equals(loaded[i].skipped());
                if (loaded[i].skipped() != null && !reportedBefore) {
                    log.warn("Skipping knowledge file {}: {}", loaded[i].ref().source(), loaded[i].skipped().reason());
                }
            } else {
                reused++;
            }
        }
        files.addAll(keptFromUnreadableFolders(scan.unreadableFolders(), previous, found));
        Set<SkippedFile> entries = new HashSet<>(scan.skipped());
        for (SkippedFile skipped : scan.skipped()) {
            if (!logged.contains(skipped)) {
                log.warn("Skipping knowledge entry {}: {}", skipped.source(), skipped.reason());
            }
        }
        logged = entries;
        hashes.keySet().retainAll(found);
        return new Load(List.copyOf(files), scan.skipped(), read, reused);
    }

    /**
     * The previous files under folders that cannot be listed now: they are not known to be gone,
     * so their last good version stays (one log line per folder).
     */
    private List<LoadedFile> keptFromUnreadableFolders(List<SkippedFile> folders, Map<String, LoadedFile> previous,
            Set<String> found) {
        List<LoadedFile> kept = new ArrayList<>();
        for (SkippedFile folder : folders) {
            String prefix = folder.source().isEmpty() ? "" : folder.source() + "/";
            int count = 0;
            for (LoadedFile before : previous.values()) {
                String source = before.ref().source();
                if (before.ok() && source.startsWith(prefix) && found.add(source)) {
                    String reason = before.skipped() != null ? before.skipped().reason()
                            : folder.reason().replaceFirst("^folder", "its folder") + KEPT;
                    kept.add(before.keptAs(before.ref(), new SkippedFile(source, reason)));
                    count++;
                }
            }
            String name = folder.source().isEmpty() ? "The knowledge folder" : "Knowledge folder " + folder.source();
            log.warn("{} {}; {}", name, folder.reason().replaceFirst("^folder ", ""),
                    count == 0 ? "nothing of it was indexed before" : count + " files keep their previous version");
        }
        return kept;
    }

    /**
     * Reads one file. Content equal to the version served before reuses that version (its chunks
     * and vectors); a file that cannot be read keeps it, marked.
     */
    private LoadedFile read(KnowledgeFileRef ref, LoadedFile before, Path realRoot) {
        String problem;
        try {
            byte[] bytes = reader.readBytes(ref.path(), realRoot);
            byte[] hash = sha256(bytes);
            boolean servedBefore = before != null && before.ok() && before.skipped() == null;
            // the same bytes as the version served (this loader read them, or the index recorded their hash)
            if (servedBefore && (Arrays.equals(hash, hashes.get(ref.source()))
                    || java.util.HexFormat.of().formatHex(hash).equals(before.bytesHash()))) {
                return before.sameAs(ref) ? before : before.at(ref);
            }
            Transcript transcript = reader.parse(ref.source(), bytes);
            hashes.put(ref.source(), hash);
            if (before != null && before.ok() && transcript.equals(before.transcript())) {
                // the same content (a restart, or a kept version readable again): its chunks and vectors stay
                return servedBefore && before.sameAs(ref) ? before : before.at(ref);
            }
            return new LoadedFile(ref, transcript, null, java.util.HexFormat.of().formatHex(hash));
        } catch (KnowledgeFormatException e) {
            problem = e.getMessage();
        } catch (RuntimeException e) {
            problem = "cannot be parsed: " + e.getClass().getSimpleName();
        }
        hashes.remove(ref.source());
        if (before != null && before.ok()) {
            // a file that was indexed became unreadable: keep serving its last good version
            return before.keptAs(ref, new SkippedFile(ref.source(), problem + KEPT));
        }
        return new LoadedFile(ref, null, new SkippedFile(ref.source(), problem), null);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
