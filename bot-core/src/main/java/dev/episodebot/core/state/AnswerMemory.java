package dev.episodebot.core.state;

import dev.episodebot.core.Vote;
import java.util.Optional;

/**
 * The answers recently given, by reply id, so that a 👍/👎 on one (pressed maybe hours later,
 * maybe on another instance) can be stored with its question and citations; and each voter's
 * latest vote on each of them, so a second vote replaces the first.
 */
public interface AnswerMemory {

    /** Remembers an answer under its reply id. */
    void remember(String replyId, RememberedAnswer answer);

    /** The answer remembered under {@code replyId}, if it is still remembered. */
    Optional<RememberedAnswer> find(String replyId);

    /** The vote {@code voter} ({@code platform:userId}) gave the answer, if any. */
    Optional<Vote> vote(String replyId, String voter);

    /** Keeps {@code vote} as {@code voter}'s vote on the answer. */
    void storeVote(String replyId, String voter, Vote vote);
}
