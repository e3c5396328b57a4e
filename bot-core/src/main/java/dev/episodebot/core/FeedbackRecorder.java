package dev.episodebot.core;

/** Records 👍/👎 votes on answers (see {@link BotReply#id()}). */
@FunctionalInterface
public interface FeedbackRecorder {

    /**
     * Records one vote.
     *
     * @param replyId the id of the answer voted on
     * @param platform where the vote comes from
     * @param userId who voted
     * @param vote up or down
     * @return true when recorded; false when the answer is unknown (too old, or never given)
     */
    boolean record(String replyId, Platform platform, String userId, Vote vote);
}
