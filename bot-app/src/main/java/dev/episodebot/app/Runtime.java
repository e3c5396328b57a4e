package dev.episodebot.app;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.CoreConfig;

/** The running core and what keeps it fresh; closing it stops everything it started. */
final class Runtime implements AutoCloseable {

    private final BotCore core;

    private Runtime(BotCore core) {
        this.core = core;
    }

    /** Starts the core (indexing the knowledge folder). */
    static Runtime start(CoreConfig config, boolean watch) {
        BotCore core = BotCore.start(config);
        return new Runtime(core);
    }

    BotCore core() {
        return core;
    }

    @Override
    public void close() {
        core.close();
    }
}
