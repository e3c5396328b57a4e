package dev.episodebot.discord.render;

import dev.episodebot.core.Vote;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.emoji.Emoji;

/**
 * The 👍/👎 buttons under an answer. A button's id carries the vote and the core's reply id:
 * {@code fb:u:<replyId>} or {@code fb:d:<replyId>}, so a vote needs no state in the adapter.
 */
public final class FeedbackButtons {

    /** The prefix of every feedback button id. */
    public static final String PREFIX = "fb:";

    private static final int MAX_ID_LENGTH = Button.ID_MAX_LENGTH;

    private FeedbackButtons() {}

    /**
     * A vote read back from a button.
     *
     * @param replyId the core's id of the answer voted on
     * @param vote up or down
     */
    public record FeedbackVote(String replyId, Vote vote) {

        public FeedbackVote {
            Objects.requireNonNull(replyId, "replyId");
            Objects.requireNonNull(vote, "vote");
        }
    }

    /** The button id for a vote on a reply. */
    public static String buttonId(Vote vote, String replyId) {
        return PREFIX + (vote == Vote.UP ? "u" : "d") + ":" + replyId;
    }

    /** Whether a reply id is short enough to fit in a button id. */
    public static boolean fits(String replyId) {
        return replyId != null && !replyId.isEmpty() && buttonId(Vote.DOWN, replyId).length() <= MAX_ID_LENGTH;
    }

    /** The row of buttons for a reply id that {@link #fits(String) fits}. */
    public static ActionRow row(String replyId) {
        if (!fits(replyId)) {
            throw new IllegalArgumentException("reply id does not fit in a button id");
        }
        return ActionRow.of(
                Button.secondary(buttonId(Vote.UP, replyId), Emoji.fromUnicode("👍")),
                Button.secondary(buttonId(Vote.DOWN, replyId), Emoji.fromUnicode("👎")));
    }

    /** The vote a button id stands for, or empty when it is not a feedback button. */
    public static Optional<FeedbackVote> parse(String buttonId) {
        if (buttonId == null || !buttonId.startsWith(PREFIX) || buttonId.length() < PREFIX.length() + 3) {
            return Optional.empty();
        }
        String rest = buttonId.substring(PREFIX.length());
        if (rest.charAt(1) != ':' || rest.length() == 2) {
            return Optional.empty();
        }
        Vote vote = switch (rest.charAt(0)) {
            case 'u' -> Vote.UP;
            case 'd' -> Vote.DOWN;
            default -> null;
        };
        return vote == null ? Optional.empty() : Optional.of(new FeedbackVote(rest.substring(2), vote));
    }
}
