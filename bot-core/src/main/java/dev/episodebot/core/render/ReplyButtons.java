package dev.episodebot.core.render;

import dev.episodebot.core.Vote;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The data the bot's buttons carry (Telegram callback data, Discord component ids), the same on
 * every platform: {@code fb:u:<replyId>} and {@code fb:d:<replyId>} for 👍/👎 under an answer,
 * {@code mr:<key>} for "more" under a reply cut at the message cap. Buttons carry everything
 * needed, so a press needs no state in the adapter beyond the continuation itself.
 */
public final class ReplyButtons {

    /** Telegram's limit for callback data, in UTF-8 bytes. */
    public static final int TELEGRAM_MAX_BYTES = 64;
    /** Discord's limit for a component's custom id, in characters. */
    public static final int DISCORD_MAX_CHARS = 100;

    static final String VOTE_PREFIX = "fb:";
    static final String MORE_PREFIX = "mr:";

    private ReplyButtons() {}

    /** What a button press asks for. */
    public sealed interface Press permits VotePress, MorePress {}

    /** A 👍/👎 vote on the answer {@code replyId}. */
    public record VotePress(String replyId, Vote vote) implements Press {
        public VotePress {
            Objects.requireNonNull(replyId, "replyId");
            Objects.requireNonNull(vote, "vote");
        }
    }

    /** The next messages of the reply stored under {@code key}. */
    public record MorePress(String key) implements Press {
        public MorePress {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The data of a vote button. */
    public static String vote(Vote vote, String replyId) {
        return VOTE_PREFIX + (vote == Vote.UP ? "u" : "d") + ":" + replyId;
    }

    /** The data of a "more" button. */
    public static String more(String key) {
        return MORE_PREFIX + key;
    }

    /** Whether vote buttons for {@code replyId} fit in {@code maxBytes} of UTF-8. */
    public static boolean votesFit(String replyId, int maxBytes) {
        return replyId != null && !replyId.isBlank()
                && vote(Vote.DOWN, replyId).getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    /** What {@code data} asks for, or empty when it is not one of the bot's buttons. */
    public static Optional<Press> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        if (data.startsWith(MORE_PREFIX)) {
            String key = data.substring(MORE_PREFIX.length());
            return key.isBlank() ? Optional.empty() : Optional.of(new MorePress(key));
        }
        if (!data.startsWith(VOTE_PREFIX) || data.length() < VOTE_PREFIX.length() + 3
                || data.charAt(VOTE_PREFIX.length() + 1) != ':') {
            return Optional.empty();
        }
        Vote vote = switch (data.charAt(VOTE_PREFIX.length())) {
            case 'u' -> Vote.UP;
            case 'd' -> Vote.DOWN;
            default -> null;
        };
        String replyId = data.substring(VOTE_PREFIX.length() + 2);
        return vote == null || replyId.isBlank() ? Optional.empty() : Optional.of(new VotePress(replyId, vote));
    }
}
