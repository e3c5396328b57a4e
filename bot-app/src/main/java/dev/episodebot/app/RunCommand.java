package dev.episodebot.app;

import dev.episodebot.core.PlatformAdapter;
import dev.episodebot.core.config.CoreConfig;
import dev.episodebot.core.config.Env;
import dev.episodebot.discord.DiscordAdapter;
import dev.episodebot.discord.DiscordConfig;
import dev.episodebot.telegram.TelegramAdapter;
import dev.episodebot.telegram.TelegramConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code run}: indexes the knowledge, watches it, and starts the platform adapters whose tokens
 * are set (both can run in one process). SIGTERM or SIGINT stops intake, lets answers in flight
 * finish (bounded by each adapter's grace, 10 s for Telegram), saves adapter state and exits 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the Telegram and/or Discord bot: set TELEGRAM_BOT_TOKEN and/or DISCORD_TOKEN.")
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    /** How long answers in flight may take to finish after SIGTERM. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Mixin
    CoreOptions options;

    private final Env env;
    private final CountDownLatch stop = new CountDownLatch(1);

    RunCommand(Env env) {
        this.env = env;
    }

    /** Asks a running {@code run} to stop (as SIGTERM does). */
    void requestStop() {
        stop.countDown();
    }

    @Override
    public Integer call() throws Exception {
        Env effective = options.env(env);
        boolean telegram = TelegramConfig.isConfigured(effective);
        boolean discord = DiscordConfig.isConfigured(effective);
        if (!telegram && !discord) {
            spec.commandLine().getErr().println(
                    "No platform to run: set TELEGRAM_BOT_TOKEN (Telegram) and/or DISCORD_TOKEN (Discord).");
            return 2;
        }
        // validate everything before starting anything
        CoreConfig config = CoreConfig.from(effective);
        TelegramConfig telegramConfig = telegram ? TelegramConfig.from(effective) : null;
        DiscordConfig discordConfig = discord
                ? DiscordConfig.from(effective).withLimits(config.maxInFlight(), config.maxQueued())
                        .withTimeouts(SHUTDOWN_GRACE, Duration.ofSeconds(60))
                : null;
        int healthPort = effective.integer("HEALTH_PORT", 0, 0, 65_535);
        InetAddress healthBind = healthBind(effective);

        Signals.onTermination(this::requestStop);
        HealthServer health = healthPort > 0 ? new HealthServer(healthBind, healthPort) : null;
        if (health != null) {
            log.info("Health endpoint on {}", health.url());
        }
        List<PlatformAdapter> adapters = new ArrayList<>();
        try (Runtime runtime = Runtime.start(config, true)) {
            try {
                if (health != null) {
                    health.knowledge(runtime.core().knowledge());
                }
                if (telegramConfig != null) {
                    adapters.add(new TelegramAdapter(telegramConfig, runtime.core().bot(), runtime.core().feedback()));
                }
                if (discordConfig != null) {
                    adapters.add(new DiscordAdapter(discordConfig, runtime.core().bot(), runtime.core().feedback()));
                }
                for (PlatformAdapter adapter : adapters) {
                    adapter.start();
                    if (health != null) {
                        health.adapter(adapter);
                    }
                    log.info("{} adapter started", adapter.name());
                }
                if (health != null) {
                    health.started();
                }
                log.info("episode-bot is running; stop it with SIGTERM or Ctrl-C");
                stop.await();
                log.info("Stopping: no new questions; answers in flight may finish");
                if (health != null) {
                    health.stopping();
                }
            } finally {
                // adapters first (stop intake, let answers in flight finish), then the core they use
                closeAll(adapters);
            }
        } finally {
            if (health != null) {
                health.close();
            }
        }
        log.info("Stopped");
        return 0;
    }

    /** {@code HEALTH_BIND}: an IP address (127.0.0.1 by default; 0.0.0.0 to listen on every interface). */
    static InetAddress healthBind(Env env) {
        return env.ipAddress("HEALTH_BIND", "127.0.0.1");
    }

    /** Closes the adapters in parallel: each one stops intake and waits for its own answers. */
    private static void closeAll(List<PlatformAdapter> adapters) {
        List<Thread> closers = new ArrayList<>();
        for (PlatformAdapter adapter : adapters) {
            Thread t = new Thread(adapter::close, "close-" + adapter.name());
            t.start();
            closers.add(t);
        }
        for (Thread t : closers) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
