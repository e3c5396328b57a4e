package dev.episodebot.discord.features;

import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies to a deferred slash command: the first message replaces the "thinking…" original
 * response (which also shows the drafts of a streamed answer), the others are follow-ups, in order.
 * The hook is valid for 15 minutes.
 */
final class HookReplyTarget implements ReplyTarget {

    private static final Logger LOG = LoggerFactory.getLogger(HookReplyTarget.class);

    private final InteractionHook hook;
    private boolean drafted;

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
        List<MessageCreateData> rest = messages.subList(1, messages.size());
        try {
            hook.editOriginal(MessageEditData.fromCreateData(messages.get(0))).complete();
        } catch (RuntimeException e) {
            if (!drafted) {
                throw e;
            }
            // the original response shows a draft that could not be replaced: the reply comes as follow-ups
            LOG.warn("Could not put the final answer into the streamed reply ({}); sending it as a follow-up.",
                    e.toString());
            rest = messages;
        }
        for (MessageCreateData followUp : rest) {
            hook.sendMessage(followUp).complete();
        }
    }

    @Override
    public void showDraft(MessageCreateData draft) {
        hook.editOriginal(MessageEditData.fromCreateData(draft)).complete();
        drafted = true;
    }

    @Override
    public void notify(MessageCreateData notice) {
        hook.editOriginal(MessageEditData.fromCreateData(notice))
                .queue(null, e -> LOG.warn("Could not send a notice to a slash command: {}", e.toString()));
    }
}
