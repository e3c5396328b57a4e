package dev.episodebot.discord.gateway;

import dev.episodebot.discord.DiscordConfig;
import java.util.Collection;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;

/**
 * Builds the JDA client for a {@link DiscordConfig}: the intents of {@link DiscordIntents}, a light
 * cache (no member cache: the bot needs guilds and channels only), no JVM shutdown hook (the
 * composition root closes the adapter), and the REST and gateway URL overrides.
 *
 * <p>Without the MESSAGE_CONTENT intent, JDA's warning about reading message content is turned off:
 * the adapter reads the text of thread follow-ups knowingly (it is empty unless the bot is
 * mentioned) and says so itself.
 *
 * <p>With a gateway override the gateway is spoken to without transport compression
 * ({@link Compression#NONE}), so proxies and the test fake need not implement {@code zlib-stream}.
 *
 * <p>With {@link DiscordConfig#shards()} the same settings build a {@link DefaultShardManagerBuilder}
 * for that range of the bot's shards.
 */
public final class JdaFactory {

    private JdaFactory() {}

    /** A builder with everything set but not yet built (building logs in). */
    public static JDABuilder builder(DiscordConfig config, Collection<?> listeners) {
        JDABuilder builder = JDABuilder.createLight(config.token(), DiscordIntents.of(config.messageContent()))
                .setEnableShutdownHook(false)
                .setAutoReconnect(true)
                .addEventListeners(listeners.toArray());
        applyOverrides(config, builder::setRestConfig, builder::setSessionController, builder::setCompression);
        return builder;
    }

    /** A shard manager builder for {@code config.shards()} with the same settings (building logs in). */
    public static DefaultShardManagerBuilder shardManagerBuilder(DiscordConfig config, Collection<?> listeners) {
        ShardRange shards = config.shards();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder
                .createLight(config.token(), DiscordIntents.of(config.messageContent()))
                .setShardsTotal(shards.total())
                .setShards(shards.first(), shards.last())
                .setEnableShutdownHook(false)
                .setAutoReconnect(true)
                .addEventListeners(listeners.toArray());
        applyOverrides(config, builder::setRestConfig, builder::setSessionController, builder::setCompression);
        return builder;
    }

    /** What both builders share: the content-intent warning, the REST and gateway URL overrides. */
    private static void applyOverrides(DiscordConfig config, Consumer<RestConfig> restConfig,
            Consumer<SessionController> sessionController, Consumer<Compression> compression) {
        if (!config.messageContent()) {
            Message.suppressContentIntentWarning();
        }
        if (config.restBaseUrl() != null) {
            restConfig.accept(new RestConfig().setBaseUrl(config.restBaseUrl().toString()));
        }
        if (config.gatewayUrl() != null) {
            sessionController.accept(new GatewayOverrideSessionController(config.gatewayUrl().toString()));
            compression.accept(Compression.NONE);
        }
    }
}
