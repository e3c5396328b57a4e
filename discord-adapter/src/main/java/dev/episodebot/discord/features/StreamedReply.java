package dev.episodebot.discord.features;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.ReplyProgress;
import dev.episodebot.discord.render.ReplyRenderer;
import java.time.Duration;
import java.util.function.LongSupplier;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a streamed answer while it is written: each draft is rendered as one message
 * ({@link ReplyRenderer#preview}) and put on the {@link ReplyTarget} (the deferred reply edited, or
 * one message sent and then edited), at most once per {@link #EDIT_INTERVAL}. A failure stops the
 * drafts; the final reply still arrives ({@link ReplyTarget#send}). Used on one answer worker.
 */
final class StreamedReply implements ReplyProgress {

    /** The least time between two edits. */
    static final Duration EDIT_INTERVAL = Duration.ofMillis(1200);

    private static final Logger LOG = LoggerFactory.getLogger(StreamedReply.class);

    private final ReplyTarget target;
    private final ReplyRenderer renderer;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long nextAt;
    private String shown;
    private boolean stopped;

    StreamedReply(ReplyTarget target, ReplyRenderer renderer, Duration interval, LongSupplier nanoClock) {
        this.target = target;
        this.renderer = renderer;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextAt = nanoClock.getAsLong();
    }

    @Override
    public void draft(BotReply draft) {
        if (stopped || nanoClock.getAsLong() - nextAt < 0) {
            return;
        }
        MessageCreateData preview = renderer.preview(draft);
        if (preview.getContent().equals(shown)) {
            return;
        }
        try {
            target.showDraft(preview);
            shown = preview.getContent();
            nextAt = nanoClock.getAsLong() + intervalNanos;
        } catch (RuntimeException e) {
            stopped = true;
            LOG.warn("Showing a streamed answer stopped ({}); the final answer will still be sent.", e.toString());
        }
    }
}
