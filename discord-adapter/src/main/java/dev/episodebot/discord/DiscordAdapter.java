package dev.episodebot.discord;

import dev.episodebot.core.Connection;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.PlatformAdapter;
import dev.episodebot.core.config.ConfigException;
import dev.episodebot.discord.features.AnswerExecutor;
import dev.episodebot.discord.features.DiscordFeatures;
import dev.episodebot.discord.features.SlashCommands;
import dev.episodebot.discord.gateway.DiscordIntents;
import dev.episodebot.discord.gateway.GatewayMonitor;
import dev.episodebot.discord.gateway.JdaFactory;
import dev.episodebot.discord.gateway.ShardRange;
import dev.episodebot.discord.gateway.ShardsReady;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord adapter: connects to Discord with JDA, registers the slash commands, and passes
 * every question to the core, on its own bounded executor.
 *
 * <pre>{@code
 * DiscordAdapter discord = new DiscordAdapter(DiscordConfig.from(env), core.bot(), core.feedback());
 * discord.start();   // logs in, waits until the gateway is ready, registers the commands
 * ...
 * discord.close();   // no new work, answers in flight finish (bounded), then JDA shuts down
 * }</pre>
 *
 * <p>With {@code DISCORD_SHARD_TOTAL} (and {@code DISCORD_SHARDS}) it runs that range of the bot's
 * shards on one JDA {@link ShardManager}: Discord sends each server's events to its shard
 * ({@code (guild_id >> 22) % total}), so several instances with disjoint ranges serve one bot.
 * {@link #connections()} reports each shard. The instance that runs shard 0 registers the global
 * commands; with {@code DISCORD_GUILD_ID}, the instance whose shards hold that server does.
 *
 * <p>The features are listed in {@link DiscordFeatures}.
 */
public final class DiscordAdapter implements PlatformAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);

    /** What the bot needs in a server: read and answer, start threads and answer there, embed citations. */
    public static final Set<Permission> PERMISSIONS = Collections.unmodifiableSet(EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_HISTORY));

    private final DiscordConfig config;
    private final EpisodeBot bot;
    private final FeedbackRecorder feedback;
    private final AnswerExecutor executor;
    private final GatewayMonitor monitor;
    private final Object lifecycle = new Object();

    private volatile JDA jda;
    private volatile ShardManager shardManager;
    private boolean started;
    private boolean closed;

    /**
     * @param config the validated Discord settings
     * @param bot the core, which answers every request
     * @param feedback where 👍/👎 votes go
     */
    public DiscordAdapter(DiscordConfig config, EpisodeBot bot, FeedbackRecorder feedback) {
        this.config = Objects.requireNonNull(config, "config");
        this.bot = Objects.requireNonNull(bot, "bot");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.executor = new AnswerExecutor("discord-answer", config.workers(), config.queueCapacity());
        this.monitor = new GatewayMonitor(config.messageContent());
    }

    @Override
    public String name() {
        return "discord";
    }

    /**
     * Logs in, waits until the gateway is ready (at most {@link DiscordConfig#readyTimeout()}), then
     * registers the slash commands in the background.
     *
     * @throws ConfigException when Discord rejects the token or the intents (the message says what to do)
     * @throws IllegalStateException when Discord cannot be reached or the gateway does not get ready
     */
    @Override
    public void start() throws InterruptedException {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("The Discord adapter is closed.");
            }
            if (started) {
                return;
            }
            started = true;
        }
        List<Object> listeners = new ArrayList<>(DiscordFeatures.create(bot, feedback, executor, config.replies()));
        listeners.add(monitor);
        LOG.info("Connecting to Discord (intents {}{}{}{}).", DiscordIntents.of(config.messageContent()),
                config.shards() == null ? "" : ", shards " + config.shards(),
                config.restBaseUrl() == null ? "" : ", REST " + config.restBaseUrl(),
                config.gatewayUrl() == null ? "" : ", gateway " + config.gatewayUrl());
        if (config.shards() != null) {
            startShards(listeners, config.shards());
            return;
        }
        JDA client = logIn(() -> JdaFactory.builder(config, listeners).build());
        jda = client;
        awaitReady(client);
        LOG.info("Discord adapter ready as {} (id {}) in {} server(s).", client.getSelfUser().getName(),
                client.getSelfUser().getId(), client.getGuildCache().size());
        LOG.info("Invite the bot to a server with: {}",
                client.setRequiredScopes("applications.commands").getInviteUrl(PERMISSIONS));
        SlashCommands.register(client, config.guildId());
    }

    /** The sharded start: one shard manager for the range, ready when every shard is. */
    private void startShards(List<Object> listeners, ShardRange shards) throws InterruptedException {
        ShardsReady ready = new ShardsReady(shards);
        listeners.add(ready);
        ShardManager manager = logIn(() -> JdaFactory.shardManagerBuilder(config, listeners).build());
        shardManager = manager;
        awaitReady(ready.future(), manager::shutdown);
        JDA first = manager.getShardById(shards.first());
        LOG.info("Discord adapter ready as {} (id {}) on shards {} in {} server(s).", first.getSelfUser().getName(),
                first.getSelfUser().getId(), shards, manager.getGuildCache().size());
        LOG.info("Invite the bot to a server with: {}",
                first.setRequiredScopes("applications.commands").getInviteUrl(PERMISSIONS));
        Long guildId = config.guildId();
        if (guildId != null) {
            int shard = ShardRange.shardOf(guildId, shards.total());
            if (shard >= shards.first() && shard <= shards.last()) {
                SlashCommands.register(manager.getShardById(shard), guildId);
            } else {
                LOG.info("The slash commands of server {} are registered by the instance that runs shard {}.",
                        Long.toUnsignedString(guildId), shard);
            }
        } else if (shards.includesShardZero()) {
            SlashCommands.register(first, null);
        } else {
            LOG.info("The global slash commands are registered by the instance that runs shard 0.");
        }
    }

    /** Builds (logs in), saying in one sentence what to do when Discord refuses the token or cannot be reached. */
    private <T> T logIn(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidTokenException e) {
            throw new ConfigException(DiscordConfig.TOKEN + " was rejected by Discord (401 Unauthorized): copy a fresh "
                    + "token from the Discord Developer Portal (your application → Bot → Reset Token).");
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not log in to Discord"
                    + (config.restBaseUrl() == null ? "" : " at " + config.restBaseUrl()) + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(JDA client) throws InterruptedException {
        CompletableFuture<JDA> ready = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                ready.complete(client.awaitReady());
            } catch (InterruptedException | RuntimeException e) {
                ready.completeExceptionally(e);
            }
        }, "discord-await-ready");
        waiter.setDaemon(true);
        waiter.start();
        try {
            awaitReady(ready, client::shutdownNow);
        } finally {
            waiter.interrupt();
        }
    }

    /** Waits for {@code ready} at most the ready timeout; explains a refused or timed-out connection. */
    private void awaitReady(CompletableFuture<?> ready, Runnable giveUp) throws InterruptedException {
        try {
            ready.get(config.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) { // JDA shut down while connecting
            Optional<String> advice = monitor.adviceFor(monitor.awaitShutdownCode(Duration.ofSeconds(5)));
            if (advice.isPresent()) {
                throw new ConfigException(advice.get());
            }
            throw new IllegalStateException("The Discord gateway closed while connecting: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            giveUp.run();
            throw new IllegalStateException("The Discord gateway did not get ready within "
                    + config.readyTimeout().toSeconds() + " s" + (config.gatewayUrl() == null ? "" : " at "
                    + config.gatewayUrl()) + ".");
        }
    }

    /** Connected: the one connection, or every shard of the range. */
    @Override
    public boolean isConnected() {
        if (shardManager != null) {
            return connections().stream().allMatch(Connection::connected);
        }
        JDA client = jda;
        return client != null && client.getStatus() == JDA.Status.CONNECTED;
    }

    /** One connection, or one per shard ({@code discord shard 1/4}) when sharded. */
    @Override
    public List<Connection> connections() {
        ShardManager manager = shardManager;
        ShardRange shards = config.shards();
        if (shards == null) {
            return List.of(new Connection(name(), isConnected()));
        }
        List<Connection> connections = new ArrayList<>();
        for (int id : shards.ids()) {
            JDA shard = manager == null ? null : manager.getShardById(id);
            connections.add(new Connection(name() + " shard " + id + "/" + shards.total(),
                    shard != null && shard.getStatus() == JDA.Status.CONNECTED));
        }
        return connections;
    }

    /** The shard manager once started with shards, else null (for diagnostics and tests). */
    public ShardManager shardManager() {
        return shardManager;
    }

    /** The JDA client once started without shards, else null (for diagnostics and tests). */
    public JDA jda() {
        return jda;
    }

    /**
     * Stops intake, lets answers in flight finish (at most {@link DiscordConfig#shutdownGrace()}), then
     * shuts JDA down (waiting at most 10 s more). Idempotent; never throws.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean finished = executor.close(config.shutdownGrace());
        List<JDA> clients = new ArrayList<>();
        ShardManager manager = shardManager;
        if (manager != null) {
            clients.addAll(manager.getShards());
            manager.shutdown();
        }
        if (jda != null) {
            clients.add(jda);
            jda.shutdown();
        }
        for (JDA client : clients) {
            try {
                if (!client.awaitShutdown(10, TimeUnit.SECONDS)) {
                    client.shutdownNow();
                }
            } catch (InterruptedException e) {
                client.shutdownNow();
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Discord client did not shut down cleanly: {}", e.toString());
            }
        }
        LOG.info("Discord adapter closed{}.", finished ? "" : " (some answers were cut short)");
    }
}
