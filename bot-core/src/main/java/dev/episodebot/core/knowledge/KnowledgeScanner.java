package dev.episodebot.core.knowledge;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the knowledge files under a folder, subfolders included (symlinks followed, loops
 * detected and reported). Hidden files and folders (starting with a dot) are ignored, as are
 * editors' temporary files.
 */
public final class KnowledgeScanner {

    /** What a scan found: the files to read and the entries that were skipped with a reason. */
    public record Scan(List<KnowledgeFileRef> files, List<SkippedFile> skipped) {}

    private static final int MAX_DEPTH = 32;

    private final KnowledgeReader reader;

    public KnowledgeScanner(KnowledgeReader reader) {
        this.reader = reader;
    }

    /** Scans {@code root}; a missing folder gives an empty scan. */
    public Scan scan(Path root) throws IOException {
        List<KnowledgeFileRef> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Scan(List.of(), List.of());
        }
        Path base = root.toAbsolutePath().normalize();
        Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(base) && isIgnored(dir.getFileName().toString())) {
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
                if (attrs.isRegularFile()) {
                    files.add(new KnowledgeFileRef(file, source, attrs.size(), attrs.lastModifiedTime().toMillis()));
                } else {
                    skipped.add(new SkippedFile(source, "not a regular file"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String source = relative(base, file);
                if (e instanceof FileSystemLoopException) {
                    skipped.add(new SkippedFile(source, "symbolic link loop"));
                } else if (!(e instanceof java.nio.file.NoSuchFileException)) {
                    skipped.add(new SkippedFile(source, "cannot be read: " + e.getClass().getSimpleName()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(KnowledgeFileRef::source));
        return new Scan(List.copyOf(files), List.copyOf(skipped));
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
