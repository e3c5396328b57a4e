package dev.episodebot.core.bot;

import dev.episodebot.core.support.BoundedLruMap;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One langchain4j {@link ChatMemory} per conversation: a window of the last messages, for at most
 * {@code maxConversations} conversations (the least recently used one is forgotten first).
 */
public final class ConversationMemories {

    private static final int MAX_TURN_CHARS = 600;

    private final int maxMessages;
    private final Map<String, ChatMemory> memories;

    public ConversationMemories(int maxConversations, int maxMessages) {
        this.maxMessages = maxMessages;
        this.memories = new BoundedLruMap<>(maxConversations);
    }

    /** Earlier turns as "User: …" / "Bot: …" lines, oldest first (empty for a new conversation). */
    public synchronized List<String> history(String conversationId) {
        ChatMemory memory = memories.get(conversationId);
        if (memory == null) {
            return List.of();
        }
        List<String> turns = new ArrayList<>();
        for (ChatMessage message : memory.messages()) {
            if (message instanceof UserMessage user) {
                turns.add("User: " + abbreviate(user.singleText()));
            } else if (message instanceof AiMessage ai && ai.text() != null) {
                turns.add("Bot: " + abbreviate(ai.text()));
            }
        }
        return turns;
    }

    /** Remembers a question and its answer. */
    public synchronized void remember(String conversationId, String question, String answer) {
        ChatMemory memory = memories.computeIfAbsent(conversationId,
                id -> MessageWindowChatMemory.builder().id(id).maxMessages(maxMessages).build());
        memory.add(UserMessage.from(question));
        memory.add(AiMessage.from(answer));
    }

    /** Forgets a conversation ({@code new}). */
    public synchronized void forget(String conversationId) {
        ChatMemory memory = memories.remove(conversationId);
        if (memory != null) {
            memory.clear();
        }
    }

    /** How many conversations are remembered. */
    public synchronized int size() {
        return memories.size();
    }

    private static String abbreviate(String text) {
        return text.length() > MAX_TURN_CHARS ? text.substring(0, MAX_TURN_CHARS) + "…" : text;
    }
}
