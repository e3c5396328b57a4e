package dev.episodebot.redis;

import dev.episodebot.core.state.ConversationStore;
import dev.episodebot.core.state.InMemoryConversationStore;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversations in Redis: one list per conversation ({@code <prefix>conversation:<id>}) of
 * langchain4j's JSON messages, trimmed to the window and expiring after {@link #IDLE} without use,
 * and a sorted set of conversations by last use ({@code <prefix>conversations}) that bounds their
 * number (the least recently used are dropped) and counts them. Appending is one script, so two
 * instances adding to one conversation at once lose nothing.
 *
 * <p>Every message is also kept in this instance's {@link InMemoryConversationStore}: while Redis
 * is unreachable, conversations go on with what this instance saw. While it is reachable, Redis
 * alone answers (so {@code /new} on one instance is seen by all); turns taken during an outage stay
 * with the instance that took them.
 */
public final class RedisConversationStore implements ConversationStore {

    /** A conversation not used for this long is forgotten. */
    public static final Duration IDLE = Duration.ofHours(24);

    private static final String APPEND = """
            local list, index = KEYS[1], KEYS[2]
            local window, idle, now, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
            local id, listPrefix = ARGV[5], ARGV[6]
            for i = 7, #ARGV do
              redis.call('RPUSH', list, ARGV[i])
            end
            redis.call('LTRIM', list, -window, -1)
            redis.call('PEXPIRE', list, idle)
            redis.call('ZADD', index, now, id)
            redis.call('ZREMRANGEBYSCORE', index, '-inf', now - idle)
            local over = redis.call('ZCARD', index) - max
            if over > 0 then
              for _, old in ipairs(redis.call('ZPOPMIN', index, over)) do
                if _ % 2 == 1 then redis.call('DEL', listPrefix .. old) end
              end
            end
            redis.call('PEXPIRE', index, idle)
            return 1
            """;

    private final RedisLink redis;
    private final InMemoryConversationStore local;
    private final int maxConversations;
    private final int maxMessages;
    private final Clock clock;
    private final String listPrefix;
    private final String index;

    public RedisConversationStore(RedisLink redis, int maxConversations, int maxMessages, Clock clock) {
        this.redis = redis;
        this.local = new InMemoryConversationStore(maxConversations, maxMessages);
        this.maxConversations = maxConversations;
        this.maxMessages = maxMessages;
        this.clock = clock;
        this.listPrefix = redis.keyPrefix() + "conversation:";
        this.index = redis.keyPrefix() + "conversations";
    }

    @Override
    public List<ChatMessage> messages(String conversationId) {
        return redis.call(jedis -> {
            List<ChatMessage> messages = new ArrayList<>();
            for (String json : jedis.lrange(listPrefix + conversationId, 0, -1)) {
                messages.add(ChatMessageDeserializer.messageFromJson(json));
            }
            return List.copyOf(messages);
        }, () -> local.messages(conversationId));
    }

    @Override
    public void append(String conversationId, List<ChatMessage> messages) {
        local.append(conversationId, messages);
        List<String> args = new ArrayList<>(List.of(String.valueOf(maxMessages), String.valueOf(IDLE.toMillis()),
                String.valueOf(clock.millis()), String.valueOf(maxConversations), conversationId, listPrefix));
        messages.forEach(m -> args.add(ChatMessageSerializer.messageToJson(m)));
        redis.run(jedis -> jedis.eval(APPEND, List.of(listPrefix + conversationId, index), args));
    }

    @Override
    public void forget(String conversationId) {
        local.forget(conversationId);
        redis.run(jedis -> {
            jedis.del(listPrefix + conversationId);
            jedis.zrem(index, conversationId);
        });
    }

    @Override
    public int size() {
        return redis.call(jedis -> (int) Math.min(Integer.MAX_VALUE,
                jedis.zcount(index, clock.millis() - IDLE.toMillis(), Double.POSITIVE_INFINITY)), local::size);
    }
}
