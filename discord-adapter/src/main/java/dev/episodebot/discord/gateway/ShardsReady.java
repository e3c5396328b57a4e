package dev.episodebot.discord.gateway;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Completes once every shard of a {@link ShardRange} has had its ready event (a shard manager
 * connects them one after the other, five seconds apart per Discord's identify limit), or fails
 * as soon as one shuts down while connecting (e.g. close code 4014).
 */
public final class ShardsReady extends ListenerAdapter {

    private final int expected;
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> all = new CompletableFuture<>();

    public ShardsReady(ShardRange shards) {
        this.expected = shards.count();
    }

    /** Completes when every shard is ready; completes exceptionally when one shut down first. */
    public CompletableFuture<Void> future() {
        return all;
    }

    @Override
    public void onReady(ReadyEvent event) {
        ready.add(event.getJDA().getShardInfo().getShardId());
        if (ready.size() >= expected) {
            all.complete(null);
        }
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        all.completeExceptionally(new IllegalStateException("shard " + event.getJDA().getShardInfo().getShardId()
                + " shut down while connecting (close code " + event.getCode() + ")"));
    }
}
