package dev.episodebot.discord.gateway;

import java.util.Objects;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * JDA's default session controller, but connecting to a configured gateway URL (a gateway proxy,
 * or the fake server of the tests) instead of {@code wss://gateway.discord.gg}. JDA appends
 * {@code ?encoding=json&v=10} itself.
 */
public final class GatewayOverrideSessionController extends ConcurrentSessionController {

    private final String gatewayUrl;

    public GatewayOverrideSessionController(String gatewayUrl) {
        this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    /** Asks the REST API for the shard count (as usual), but keeps the configured gateway URL. */
    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway recommended = super.getShardedGateway(api);
        return new ShardedGateway(gatewayUrl, recommended.getShardTotal(), recommended.getConcurrency());
    }
}
