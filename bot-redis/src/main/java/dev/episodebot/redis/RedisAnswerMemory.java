package dev.episodebot.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.Vote;
import dev.episodebot.core.state.AnswerMemory;
import dev.episodebot.core.state.InMemoryAnswerMemory;
import dev.episodebot.core.state.RememberedAnswer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * The answers remembered for votes, in Redis for all instances: the bounded answer as JSON under
 * {@code <prefix>answer:<replyId>} and the votes on it in a hash {@code <prefix>votes:<replyId>}
 * (voter → {@code UP}/{@code DOWN}), both kept for {@link #KEEP}; a vote pressed on any instance
 * finds the answer another one gave. Everything is also kept in this instance's
 * {@link InMemoryAnswerMemory}, which answers while Redis is unreachable (and for what was
 * remembered during an outage).
 */
public final class RedisAnswerMemory implements AnswerMemory {

    /** How long an answer can be voted on. */
    public static final Duration KEEP = Duration.ofDays(7);

    private final RedisLink redis;
    private final InMemoryAnswerMemory local;
    private final ObjectMapper json = new ObjectMapper();
    private final String answers;
    private final String votes;

    public RedisAnswerMemory(RedisLink redis, int localCapacity) {
        this.redis = redis;
        this.local = new InMemoryAnswerMemory(localCapacity);
        this.answers = redis.keyPrefix() + "answer:";
        this.votes = redis.keyPrefix() + "votes:";
    }

    @Override
    public void remember(String replyId, RememberedAnswer answer) {
        local.remember(replyId, answer);
        String value = encode(answer);
        redis.run(jedis -> jedis.set(answers + replyId, value, SetParams.setParams().px(KEEP.toMillis())));
    }

    @Override
    public Optional<RememberedAnswer> find(String replyId) {
        String value = redis.call(jedis -> jedis.get(answers + replyId), () -> null);
        if (value == null) {
            return local.find(replyId);
        }
        try {
            return Optional.of(json.readValue(value, RememberedAnswer.class));
        } catch (JsonProcessingException e) {
            return local.find(replyId); // not ours, or damaged: as if not there
        }
    }

    @Override
    public Optional<Vote> vote(String replyId, String voter) {
        String value = redis.call(jedis -> jedis.hget(votes + replyId, voter), () -> null);
        if (value == null) {
            return local.vote(replyId, voter);
        }
        return value.equals("UP") ? Optional.of(Vote.UP) : value.equals("DOWN") ? Optional.of(Vote.DOWN)
                : local.vote(replyId, voter);
    }

    @Override
    public void storeVote(String replyId, String voter, Vote vote) {
        local.storeVote(replyId, voter, vote);
        redis.run(jedis -> {
            jedis.hset(votes + replyId, voter, vote.name());
            jedis.pexpire(votes + replyId, KEEP.toMillis());
        });
    }

    private String encode(RememberedAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
