package dev.episodebot.discord.features;

import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.discord.render.AdapterTexts;
import dev.episodebot.discord.render.FeedbackButtons;
import dev.episodebot.discord.render.FeedbackButtons.FeedbackVote;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a 👍/👎 click through the core's {@link FeedbackRecorder} and acknowledges it with a
 * private "thanks". Recording is a quick append, so it runs on the event thread, within Discord's
 * 3-second acknowledgement window. Buttons that are not feedback buttons are left to others.
 */
public final class FeedbackButtonListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackButtonListener.class);

    private final FeedbackRecorder feedback;

    public FeedbackButtonListener(FeedbackRecorder feedback) {
        this.feedback = Objects.requireNonNull(feedback, "feedback");
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<FeedbackVote> vote = FeedbackButtons.parse(event.getComponentId());
        if (vote.isEmpty()) {
            return;
        }
        boolean recorded;
        try {
            recorded = feedback.record(vote.get().replyId(), Platform.DISCORD, event.getUser().getId(), vote.get().vote());
        } catch (RuntimeException e) {
            LOG.warn("Could not record feedback on reply {}: {}", vote.get().replyId(), e.toString());
            recorded = false;
        }
        Language language = AdapterTexts.languageOf(event.getUserLocale());
        event.reply(recorded ? AdapterTexts.thanks(language) : AdapterTexts.voteExpired(language))
                .setEphemeral(true)
                .queue(null, e -> LOG.warn("Could not acknowledge a feedback button: {}", e.toString()));
    }
}
