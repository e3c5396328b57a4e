package dev.episodebot.core.refresh;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the knowledge folder (and every subfolder, including ones created later) and runs the
 * refresh once changes settle: each event pushes the refresh back by {@code quiet}, but never more
 * than {@code maxDelay} after the first event of a burst. A folder that does not exist yet is
 * watched for as soon as it appears. Refreshes never overlap; a failing refresh is logged and the
 * watcher keeps going.
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
        registerTree(this.root);
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
                if (keys.isEmpty() && Files.isDirectory(root)) {
                    log.info("Knowledge folder {} appeared; watching it", root);
                    registerTree(root);
                    changed();
                }
                continue;
            }
            Path dir = keys.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && dir != null) {
                    Path child = dir.resolve((Path) event.context());
                    if (Files.isDirectory(child)) {
                        registerTree(child);
                    }
                }
            }
            if (!key.reset()) {
                keys.remove(key);
                if (!Files.isDirectory(root)) {
                    keys.keySet().forEach(WatchKey::cancel);
                    keys.clear();
                }
            }
            changed();
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
        pending = scheduler.schedule(this::runRefresh, delay, TimeUnit.NANOSECONDS);
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
        scheduler.shutdownNow();
        thread.interrupt();
    }
}
