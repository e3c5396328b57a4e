package dev.episodebot.app;

import dev.episodebot.core.Connection;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.refresh.KnowledgeWatcher;
import dev.episodebot.core.state.SharedState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The running core, the state it keeps (this process's memory, or Redis shared with other
 * instances) and what keeps it fresh: the knowledge watcher (on unless {@code KNOWLEDGE_WATCH=false}).
 * Closing it stops everything it started, the state last.
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

    /** Starts the core on its own state (indexing the knowledge folder) and, when asked and enabled, the watcher. */
    static Runtime start(CoreConfig config, boolean watch) {
        Clock clock = Clock.systemUTC();
        return start(config, SharedState.inMemory(config.rateLimitPerMinute(), clock), List::of, clock, watch);
    }

    /**
     * Starts the core on {@code state} (which this runtime closes last) and, when asked and enabled,
     * the watcher.
     *
     * @param connections the adapters' connections, for {@code /status}
     */
    static Runtime start(CoreConfig config, SharedState state, Supplier<List<Connection>> connections, Clock clock,
            boolean watch) {
        BotCore core;
        try {
            core = BotCore.start(config, state, connections, clock);
        } catch (RuntimeException | Error e) {
            state.close();
            throw e;
        }
        KnowledgeWatcher watcher = null;
        if (watch && config.knowledgeWatch()) {
            try {
                watcher = core.watchKnowledge(QUIET, MAX_DELAY);
            } catch (IOException e) {
                core.close();
                state.close();
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
        core.state().close();
    }
}
