package dev.episodebot.core.knowledge;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the knowledge files under a folder, subfolders included. Symbolic links are followed only
 * while they stay inside the folder: a file or folder whose real path is outside the real path of
 * the knowledge folder (a link to {@code /etc/passwd}, to {@code deploy/.env}, to {@code /proc}) is
 * skipped with a reason and never read. Loops are detected and reported. Only regular files are
 * listed: FIFOs, devices and sockets are skipped (and never opened). Folders that cannot be listed
 * (permissions, I/O errors) are reported apart, so their files can keep their last good version.
 * Hidden files and folders (starting with a dot) are ignored, as are editors' temporary files.
 */
public final class KnowledgeScanner {

    /** The reason given for anything whose real path is outside the knowledge folder. */
    public static final String OUTSIDE = "links outside the knowledge folder; not read";

    /**
     * What a scan found.
     *
     * @param files the files to read
     * @param skipped the entries that were skipped, with a reason
     * @param unreadableFolders folders (relative; {@code ""} for the knowledge folder itself) that could
     *     not be listed, with the reason: what they held is unknown, not gone
     * @param realRoot the real path of the knowledge folder (null when it does not exist)
     */
    public record Scan(List<KnowledgeFileRef> files, List<SkippedFile> skipped, List<SkippedFile> unreadableFolders,
            Path realRoot) {}

    private static final int MAX_DEPTH = 32;

    private final KnowledgeReader reader;

    public KnowledgeScanner(KnowledgeReader reader) {
        this.reader = reader;
    }

    /** Scans {@code root}; a missing folder gives an empty scan. */
    public Scan scan(Path root) throws IOException {
        List<KnowledgeFileRef> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        List<SkippedFile> unreadable = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Scan(List.of(), List.of(), List.of(), null);
        }
        Path base = root.toAbsolutePath().normalize();
        Path realRoot = base.toRealPath();
        Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(base)) {
                    return FileVisitResult.CONTINUE;
                }
                if (isIgnored(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!inside(dir, realRoot)) {
                    skipped.add(new SkippedFile(relative(base, dir) + "/", OUTSIDE));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                String source = relative(base, file);
                if (attrs.isDirectory()) {
                    // only reached at the depth limit: its content is not read
                    if (!isIgnored(name)) {
                        skipped.add(new SkippedFile(source, "nested deeper than " + MAX_DEPTH + " folders; not read"));
                    }
                    return FileVisitResult.CONTINUE;
                }
                if (isIgnored(name) || !reader.supports(name)) {
                    return FileVisitResult.CONTINUE;
                }
                if (!inside(file, realRoot)) {
                    skipped.add(new SkippedFile(source, OUTSIDE));
                } else if (attrs.isRegularFile()) {
                    files.add(new KnowledgeFileRef(file, source, attrs.size(), attrs.lastModifiedTime().toMillis()));
                } else {
                    skipped.add(new SkippedFile(source, KnowledgeReader.NOT_REGULAR));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String source = relative(base, file);
                if (e instanceof FileSystemLoopException) {
                    skipped.add(new SkippedFile(source, "symbolic link loop"));
                } else if (Files.isDirectory(file) && !inside(file, realRoot)) {
                    skipped.add(new SkippedFile(source + "/", OUTSIDE));
                } else if (Files.isDirectory(file)) {
                    unreadable.add(new SkippedFile(source, "folder cannot be read: " + KnowledgeReader.describe(e)));
                } else if (!(e instanceof NoSuchFileException)) {
                    skipped.add(new SkippedFile(source, "cannot be read: " + KnowledgeReader.describe(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(KnowledgeFileRef::source));
        return new Scan(List.copyOf(files), List.copyOf(skipped), List.copyOf(unreadable), realRoot);
    }

    /**
     * Whether {@code path} really is inside {@code realRoot}. A path that is not a link, below a
     * folder that was checked, is; a link is resolved.
     */
    static boolean inside(Path path, Path realRoot) {
        if (!Files.isSymbolicLink(path)) {
            return true; // its folder was checked on the way down
        }
        try {
            return path.toRealPath().startsWith(realRoot);
        } catch (IOException | SecurityException e) {
            return false; // a dangling link, or a target we may not even resolve
        }
    }

    private static boolean isIgnored(String name) {
        return name.startsWith(".") || name.startsWith("~") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".tmp");
    }

    private static String relative(Path base, Path file) {
        Path rel = base.relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }
}
