package dev.episodebot.discord.features;

import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies to a deferred slash command: the first message replaces the "thinking…" original
 * response, the others are follow-ups, in order. The hook is valid for 15 minutes.
 */
final class HookReplyTarget implements ReplyTarget {

    private static final Logger LOG = LoggerFactory.getLogger(HookReplyTarget.class);

    private final InteractionHook hook;

    /**
     * @param hook the hook of the deferred interaction
     * @param ephemeral whether the follow-ups are visible to the user only (like the deferred reply)
     */
    HookReplyTarget(InteractionHook hook, boolean ephemeral) {
        this.hook = hook;
        hook.setEphemeral(ephemeral);
    }

    @Override
    public void showWorking() {
        // The deferred reply already shows "<bot> is thinking…".
    }

    @Override
    public void send(List<MessageCreateData> messages) {
        if (hook.isExpired()) {
            LOG.warn("The slash command's reply came after its interaction expired (15 min); it was dropped.");
            return;
        }
        hook.editOriginal(MessageEditData.fromCreateData(messages.get(0))).complete();
        for (MessageCreateData followUp : messages.subList(1, messages.size())) {
            hook.sendMessage(followUp).complete();
        }
    }

    @Override
    public void notify(MessageCreateData notice) {
        hook.editOriginal(MessageEditData.fromCreateData(notice))
                .queue(null, e -> LOG.warn("Could not send a notice to a slash command: {}", e.toString()));
    }
}
