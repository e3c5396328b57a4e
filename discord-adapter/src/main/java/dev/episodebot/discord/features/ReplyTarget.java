package dev.episodebot.discord.features;

import java.util.List;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Where the messages of one reply go: an interaction's hook, a thread, a DM, a channel. */
interface ReplyTarget {

    /** Shows that the bot is working (a typing indicator), where the platform has one. Non-blocking. */
    void showWorking();

    /** Sends the messages in order, waiting for each; called on an answer worker, never on JDA's threads. */
    void send(List<MessageCreateData> messages);

    /** Sends one short notice without waiting; safe on JDA's event thread. */
    void notify(MessageCreateData notice);
}
