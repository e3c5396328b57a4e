package dev.episodebot.discord.features;

import java.util.List;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Where the messages of one reply go: an interaction's hook, a thread, a DM, a channel. */
interface ReplyTarget {

    /** Shows that the bot is working (a typing indicator), where the platform has one. Non-blocking. */
    void showWorking();

    /**
     * Sends the messages in order, waiting for each; called on an answer worker, never on JDA's
     * threads. After {@link #showDraft}, the first one replaces the draft (or, when that fails, all
     * are sent anew and the draft is removed).
     */
    void send(List<MessageCreateData> messages);

    /**
     * Shows a draft of a reply being written (a streamed answer), in the one message that will then
     * hold the reply's first message; waits for it.
     *
     * @throws RuntimeException when Discord refuses it
     */
    void showDraft(MessageCreateData draft);

    /** Sends one short notice without waiting; safe on JDA's event thread. */
    void notify(MessageCreateData notice);
}
