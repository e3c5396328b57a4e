package dev.episodebot.core;

/**
 * Receives a reply while it is being written (an LLM answer streamed token by token): each call
 * carries a draft of the whole reply so far, plain text in its {@link BotReply#lead()}, already
 * cleaned and masked like any reply. Drafts are not verified: the reply {@link EpisodeBot} returns
 * at the end is the one to show for good, and may differ from the last draft (a quote that could
 * not be checked removed, citations added, or the extractive answer instead).
 *
 * <p>Called on the thread that asked, at most about five times a second; an adapter shows drafts
 * at its platform's pace (for example by editing one message) with
 * {@link dev.episodebot.core.render.SurfaceRenderer#preview(BotReply)}. A failing listener never
 * fails the answer.
 */
@FunctionalInterface
public interface ReplyProgress {

    /** Ignores every draft. */
    ReplyProgress NONE = draft -> {};

    /** @param draft the reply so far; kind {@link ReplyKind#ANSWER}, no id, no citations yet */
    void draft(BotReply draft);
}
