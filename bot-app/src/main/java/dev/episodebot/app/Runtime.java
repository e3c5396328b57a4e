package dev.episodebot.app;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.refresh.KnowledgeWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The running core and what keeps it fresh: the knowledge watcher (on unless
 * {@code KNOWLEDGE_WATCH=false}). Closing it stops everything it started.
 */
final class Runtime implements AutoCloseable {

    static final Duration QUIET = Duration.ofMillis(400);
    static final Duration MAX_DELAY = Duration.ofSeconds(2);

    private final BotCore core;
    private final KnowledgeWatcher watcher;

    private Runtime(BotCore core, KnowledgeWatcher watcher) {
        this.core = core;
        this.watcher = watcher;
    }

    /** Starts the core (indexing the knowledge folder) and, when asked and enabled, the watcher. */
    static Runtime start(CoreConfig config, boolean watch) {
        BotCore core = BotCore.start(config);
        KnowledgeWatcher watcher = null;
        if (watch && config.knowledgeWatch()) {
            try {
                watcher = core.watchKnowledge(QUIET, MAX_DELAY);
            } catch (IOException e) {
                core.close();
                throw new UncheckedIOException("cannot watch " + config.knowledgeDir(), e);
            }
        }
        return new Runtime(core, watcher);
    }

    BotCore core() {
        return core;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        core.close();
    }
}
