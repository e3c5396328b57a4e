package dev.episodebot.discord.features;

import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.render.ReplyButtons;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's buttons. A 👍/👎 click is recorded through the core's {@link FeedbackRecorder} and
 * acknowledged with a private "thanks" (recording is a quick append, so it runs on the event thread,
 * within Discord's 3-second acknowledgement window). A "more" click is deferred at once and the
 * next page of the reply sent through the interaction's hook by an answer worker. Buttons that are
 * not the bot's are left to others.
 */
public final class ButtonListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ButtonListener.class);

    private final FeedbackRecorder feedback;
    private final Answerer answerer;

    ButtonListener(FeedbackRecorder feedback, Answerer answerer) {
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.answerer = answerer;
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<ReplyButtons.Press> press = ReplyButtons.parse(event.getComponentId());
        if (press.isEmpty()) {
            return;
        }
        Language language = languageOf(event.getUserLocale());
        if (press.get() instanceof ReplyButtons.MorePress more && answerer != null) {
            event.deferReply().queue(null, e -> LOG.warn("Could not acknowledge a \"more\" button: {}", e.toString()));
            answerer.more(more.key(), language, event.getUser().getId(), new HookReplyTarget(event.getHook(), false));
        } else if (press.get() instanceof ReplyButtons.VotePress vote) {
            boolean recorded;
            try {
                recorded = feedback.record(vote.replyId(), Platform.DISCORD, event.getUser().getId(), vote.vote());
            } catch (RuntimeException e) {
                LOG.warn("Could not record feedback on reply {}: {}", vote.replyId(), e.toString());
                recorded = false;
            }
            event.reply(Catalog.text(language, recorded ? UiText.FEEDBACK_THANKS : UiText.FEEDBACK_EXPIRED))
                    .setEphemeral(true)
                    .queue(null, e -> LOG.warn("Could not acknowledge a feedback button: {}", e.toString()));
        }
    }

    /** The language of a Discord client locale: Chinese for {@code zh-*}, else English. */
    static Language languageOf(DiscordLocale locale) {
        return Language.ofLocale(locale == null ? null : locale.getLocale());
    }
}
