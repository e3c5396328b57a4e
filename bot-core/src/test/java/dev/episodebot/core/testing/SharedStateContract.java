package dev.episodebot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Vote;
import dev.episodebot.core.state.RateLimiter;
import dev.episodebot.core.state.RememberedAnswer;
import dev.episodebot.core.state.SharedState;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SharedState} must do, whichever store holds it: the in-memory one
 * ({@code InMemorySharedStateTest}) and the Redis one ({@code RedisSharedStateTest} in bot-redis)
 * run these same tests.
 */
public abstract class SharedStateContract {

    protected final MutableClock clock = MutableClock.atNewYear2025();
    private SharedState state;

    /** A fresh, empty state with this rate limit, on {@link #clock}. */
    protected abstract SharedState newState(int rateLimitPerMinute);

    /** Lets {@code duration} pass for the entries' times to live. */
    protected abstract void letTimePass(Duration duration) throws InterruptedException;

    protected final SharedState state(int rateLimitPerMinute) {
        state = newState(rateLimitPerMinute);
        return state;
    }

    @AfterEach
    void closeState() {
        if (state != null) {
            state.close();
        }
    }

    private static List<ChatMessage> turn(String question, String answer) {
        return List.of(UserMessage.from(question), AiMessage.from(answer));
    }

    @Test
    void aConversationKeepsTheLatestMessagesOfItsWindowOldestFirst() {
        // GIVEN a state, and eight questions with their answers in one conversation (16 messages)
        SharedState shared = state(10);
        for (int i = 1; i <= 8; i++) {
            shared.conversations().append("telegram:1", turn("问题" + i, "回答" + i));
        }

        // WHEN the conversation is read
        List<ChatMessage> messages = shared.conversations().messages("telegram:1");

        // THEN the window's latest messages are there, oldest first, as they were given
        assertThat(messages).hasSize(SharedState.MESSAGES_PER_CONVERSATION);
        assertThat(((UserMessage) messages.get(0)).singleText()).isEqualTo("问题3");
        assertThat(((AiMessage) messages.get(messages.size() - 1)).text()).isEqualTo("回答8");
        assertThat(shared.conversations().size()).isEqualTo(1);
    }

    @Test
    void conversationsAreSeparateAndCanBeForgotten() {
        // GIVEN two conversations
        SharedState shared = state(10);
        shared.conversations().append("a", turn("甲", "一"));
        shared.conversations().append("b", turn("乙", "二"));

        // WHEN one is forgotten
        shared.conversations().forget("a");

        // THEN it is empty, the other one is untouched, and an unknown one is empty
        assertThat(shared.conversations().messages("a")).isEmpty();
        assertThat(shared.conversations().messages("b")).hasSize(2);
        assertThat(shared.conversations().messages("never")).isEmpty();
        assertThat(shared.conversations().size()).isEqualTo(1);
    }

    @Test
    void theRateLimitAllowsTheLimitInAnySixtySecondsAndSaysWhenToComeBack() throws Exception {
        // GIVEN a limit of 3 a minute
        RateLimiter limiter = state(3).rateLimiter();

        // WHEN a user asks 3 times, 20 s apart... THEN all 3 pass and a 4th is refused until the first is 60 s old
        assertThat(limiter.acquire("telegram:1").allowed()).isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire("telegram:1").allowed()).isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire("telegram:1").allowed()).isTrue();
        RateLimiter.Verdict refused = limiter.acquire("telegram:1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        // AND another user is not affected
        assertThat(limiter.acquire("discord:2").allowed()).isTrue();

        // WHEN the first request is 60 s old
        clock.advance(Duration.ofSeconds(20));

        // THEN one more passes, and the refusal was not counted
        assertThat(limiter.acquire("telegram:1").allowed()).isTrue();
        assertThat(limiter.acquire("telegram:1").allowed()).isFalse();
    }

    @Test
    void anAnswerIsRememberedWithItsVotesByReplyId() {
        // GIVEN an answer remembered under its reply id
        SharedState shared = state(10);
        Citation citation = new Citation("episode.txt", 3, 4, null, null, null, "引用", "标题");
        BotReply reply = new BotReply("r1", "回答", List.of(citation), true, Language.ZH, ReplyKind.ANSWER);
        shared.answers().remember("r1", RememberedAnswer.of(reply, "问题", "telegram:1"));

        // WHEN a voter votes, then changes the vote
        shared.answers().storeVote("r1", "telegram:7", Vote.UP);
        shared.answers().storeVote("r1", "telegram:7", Vote.DOWN);

        // THEN the answer is found with its question and citations (without quotes), and the latest vote is kept
        RememberedAnswer found = shared.answers().find("r1").orElseThrow();
        assertThat(found.question()).isEqualTo("问题");
        assertThat(found.answer()).isEqualTo(reply.text());
        assertThat(found.grounded()).isTrue();
        assertThat(found.citations()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo("episode.txt");
            assertThat(c.lineStart()).isEqualTo(3);
            assertThat(c.quote()).isEmpty();
        });
        assertThat(found.conversationId()).isEqualTo("telegram:1");
        assertThat(shared.answers().vote("r1", "telegram:7")).contains(Vote.DOWN);
        assertThat(shared.answers().vote("r1", "telegram:8")).isEmpty();
        assertThat(shared.answers().find("r2")).isEmpty();
    }

    @Test
    void aDeliveryIsTakenOnceUnlessItIsGivenBack() {
        // GIVEN a ledger
        var ledger = state(10).deliveries();

        // WHEN an update is claimed, THEN a second claim (a duplicate) fails
        assertThat(ledger.claim("telegram:1:100")).isTrue();
        assertThat(ledger.claim("telegram:1:100")).isFalse();
        assertThat(ledger.claim("telegram:1:101")).isTrue();

        // WHEN one is given back unfinished, THEN the next delivery of it is taken
        ledger.release("telegram:1:101");
        assertThat(ledger.claim("telegram:1:101")).isTrue();

        // WHEN one is completed, THEN it is never taken again
        ledger.complete("telegram:1:100");
        assertThat(ledger.claim("telegram:1:100")).isFalse();
    }

    @Test
    void aCachedValueLastsForItsTimeToLive() throws Exception {
        // GIVEN two values cached, one for a short time
        var cache = state(10).cache();
        cache.put("outline:abc", "一、开场", Duration.ofMillis(300));
        cache.put("summary:abc", "总结", Duration.ofHours(1));

        // THEN both are found at once, and an unknown key is not
        assertThat(cache.get("outline:abc")).contains("一、开场");
        assertThat(cache.get("nothing")).isEmpty();

        // WHEN the short time has passed
        letTimePass(Duration.ofMillis(600));

        // THEN the short-lived one is gone and the other is still there, until it is removed
        assertThat(cache.get("outline:abc")).isEmpty();
        assertThat(cache.get("summary:abc")).contains("总结");
        cache.remove("summary:abc");
        assertThat(cache.get("summary:abc")).isEmpty();
    }
}
