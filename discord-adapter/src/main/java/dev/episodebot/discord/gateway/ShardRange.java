package dev.episodebot.discord.gateway;

import dev.episodebot.core.config.ConfigException;
import dev.episodebot.core.config.Env;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The shards one instance runs: {@code first..last} (inclusive) of {@code total} for the whole
 * bot. Discord sends a server's events to shard {@code (guild_id >> 22) % total}, DMs to shard 0.
 *
 * @param first the first shard id of this instance
 * @param last the last shard id of this instance ({@code >= first})
 * @param total {@code DISCORD_SHARD_TOTAL}: the shards of the whole bot, across every instance
 */
public record ShardRange(int first, int last, int total) {

    public static final String TOTAL = "DISCORD_SHARD_TOTAL";
    public static final String SHARDS = "DISCORD_SHARDS";
    /** More than Discord gives any bot today; a typo beyond it is caught. */
    public static final int MAX_TOTAL = 100_000;

    private static final Pattern RANGE = Pattern.compile("([0-9]{1,6})(?:\\s*-\\s*([0-9]{1,6}))?");

    public ShardRange {
        if (total < 1 || first < 0 || last < first || last >= total) {
            throw new IllegalArgumentException("shards " + first + "-" + last + " of " + total);
        }
    }

    /**
     * {@code DISCORD_SHARD_TOTAL} and {@code DISCORD_SHARDS} ({@code 3} or {@code 0-1}), validated;
     * empty when neither is set (one connection, as Discord's unsharded bots have). With the total
     * alone, this instance runs every shard.
     *
     * @throws ConfigException naming the variable that is wrong
     */
    public static Optional<ShardRange> from(Env env) {
        Optional<String> shards = env.get(SHARDS);
        if (env.get(TOTAL).isEmpty()) {
            if (shards.isPresent()) {
                throw new ConfigException(SHARDS + " needs " + TOTAL + " (the number of shards of the whole bot, "
                        + "across every instance) to be set too.");
            }
            return Optional.empty();
        }
        int total = env.integer(TOTAL, 1, 1, MAX_TOTAL);
        if (shards.isEmpty()) {
            return Optional.of(new ShardRange(0, total - 1, total));
        }
        Matcher m = RANGE.matcher(shards.get().strip());
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            if (first <= last && last < total) {
                return Optional.of(new ShardRange(first, last, total));
            }
        }
        throw new ConfigException(SHARDS + " must be a shard id or a range such as 0-1 within 0-" + (total - 1)
                + " (" + TOTAL + "=" + total + "), got '" + shards.get() + "'.");
    }

    /** The shard ids, in order. */
    public List<Integer> ids() {
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    /** How many shards this instance runs. */
    public int count() {
        return last - first + 1;
    }

    /** Whether this instance runs shard 0, which gets the DMs and registers the global commands. */
    public boolean includesShardZero() {
        return first == 0;
    }

    /** The shard of server {@code guildId}. */
    public static int shardOf(long guildId, int total) {
        return (int) Long.remainderUnsigned(guildId >>> 22, total);
    }

    @Override
    public String toString() {
        return (first == last ? String.valueOf(first) : first + "-" + last) + " of " + total;
    }
}
