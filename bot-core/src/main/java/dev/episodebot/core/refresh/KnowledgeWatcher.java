package dev.episodebot.core.refresh;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the knowledge folder (and every subfolder, including ones created later) and runs the
 * refresh once changes settle: each event pushes the refresh back by {@code quiet}, but never more
 * than {@code maxDelay} after the first event of a burst. Refreshes never overlap; a failing
 * refresh is logged and the watcher keeps going.
 *
 * <p>The folder is followed by identity (its real path and file key), checked on every event and
 * every second: {@code KNOWLEDGE_DIR} given as a symbolic link is watched where it points; a
 * folder replaced under the same name ({@code mv knowledge knowledge.old; mv v2 knowledge}), a link
 * pointed elsewhere, a folder that disappears or appears each cause one refresh and one log line,
 * and the new folder is watched from then on.
 */
public final class KnowledgeWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

    private final Path root;
    private final Duration quiet;
    private final Duration maxDelay;
    private final Runnable refresh;
    private final WatchService watchService;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Thread thread;

    /** The folder watched now: its real path and file key; null while it does not exist. */
    private record Identity(Path realPath, Object fileKey) {}

    private Identity watched;
    private ScheduledFuture<?> pending;
    private long burstStartNanos;
    private volatile boolean running = true;

    /**
     * @param root the knowledge folder
     * @param quiet how long changes must settle before refreshing
     * @param maxDelay the longest a refresh waits after the first change of a burst
     * @param refresh what to run (the knowledge base refresh)
     */
    public KnowledgeWatcher(Path root, Duration quiet, Duration maxDelay, Runnable refresh) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.quiet = quiet;
        this.maxDelay = maxDelay;
        this.refresh = refresh;
        this.watchService = FileSystems.getDefault().newWatchService();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knowledge-refresh");
            t.setDaemon(true);
            return t;
        });
        this.watched = identify(this.root);
        if (watched != null) {
            registerTree(watched.realPath());
        }
        this.thread = new Thread(this::loop, "knowledge-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            WatchKey key;
            try {
                key = watchService.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            if (key == null) {
                followFolder();
                continue;
            }
            Path dir = keys.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && dir != null) {
                    Path child = dir.resolve((Path) event.context());
                    if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        registerTree(child);
                    }
                }
            }
            if (!key.reset()) {
                keys.remove(key);
            }
            if (!followFolder()) {
                changed();
            }
        }
    }

    /**
     * Compares the folder's identity with the one watched; when it changed, watches the new one
     * (or waits for it) and schedules a refresh. Returns whether it changed.
     */
    private boolean followFolder() {
        Identity now = identify(root);
        if (Objects.equals(now, watched)) {
            return false;
        }
        keys.keySet().forEach(WatchKey::cancel);
        keys.clear();
        if (now == null) {
            log.info("Knowledge folder {} is gone; refreshing, and watching for it to come back", root);
        } else if (watched == null) {
            log.info("Knowledge folder {} appeared; watching it", root);
        } else {
            log.info("Knowledge folder {} was replaced{}; watching the new one", root,
                    now.realPath().equals(watched.realPath()) ? "" : " (it is now " + now.realPath() + ")");
        }
        watched = now;
        if (now != null) {
            registerTree(now.realPath());
        }
        changed();
        return true;
    }

    /** The folder's real path and file key, or null when it is not a folder now. */
    private static Identity identify(Path folder) {
        try {
            Path real = folder.toRealPath();
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
            return attrs.isDirectory() ? new Identity(real, attrs.fileKey() != null ? attrs.fileKey()
                    : attrs.creationTime()) : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * Runs {@code task} once after {@code delay}, in turn with the refreshes (never beside one); not
     * at all once closed. The core checks every file's content this way a little after a start.
     */
    public void runOnce(Duration delay, Runnable task) {
        try {
            scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Knowledge refresh failed; the previous index stays", e);
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    /** Schedules (or pushes back) the refresh. */
    private synchronized void changed() {
        long now = System.nanoTime();
        if (pending == null || pending.isDone()) {
            burstStartNanos = now;
        } else {
            pending.cancel(false);
        }
        long sinceBurst = now - burstStartNanos;
        long delay = Math.min(quiet.toNanos(), Math.max(0, maxDelay.toNanos() - sinceBurst));
        try {
            pending = scheduler.schedule(this::runRefresh, delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: no more refreshes
        }
    }

    private void runRefresh() {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            log.error("Knowledge refresh failed; the previous index stays", e);
        }
    }

    private void registerTree(Path top) {
        if (!Files.isDirectory(top)) {
            return;
        }
        // the walk does not follow links: a linked folder inside is read by the loader, not watched
        try {
            Files.walkFileTree(top, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 32,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            register(dir);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            log.warn("Could not watch all of {}: {}", top, e.toString());
        }
    }

    private void register(Path dir) {
        try {
            WatchKey key = dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            keys.put(key, dir);
        } catch (IOException e) {
            log.warn("Could not watch {}: {}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            watchService.close();
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
        }
        // a refresh that runs is let finish: interrupting it would close the index's files under it
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
