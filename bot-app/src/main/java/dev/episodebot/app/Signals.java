package dev.episodebot.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT start a graceful stop instead of the JVM's abrupt exit, so that {@code run}
 * can finish answers in flight and exit with status 0.
 */
final class Signals {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {}

    static void onTermination(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    log.info("Received SIG{}", name);
                    stop.run();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("Cannot handle SIG{} here: {}", name, e.toString());
            }
        }
    }
}
