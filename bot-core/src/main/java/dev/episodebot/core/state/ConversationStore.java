package dev.episodebot.core.state;

import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/**
 * Where the messages of each conversation are kept: a window of the latest messages per
 * conversation, for a bounded number of conversations. {@code ConversationMemories} (in
 * {@code bot}) bounds and formats what goes in and comes out.
 */
public interface ConversationStore {

    /** The remembered messages of a conversation, oldest first (empty for a new conversation). */
    List<ChatMessage> messages(String conversationId);

    /** Appends messages, dropping the oldest ones past the window. */
    void append(String conversationId, List<ChatMessage> messages);

    /** Forgets a conversation ({@code /new}). */
    void forget(String conversationId);

    /** How many conversations are remembered. */
    int size();
}
