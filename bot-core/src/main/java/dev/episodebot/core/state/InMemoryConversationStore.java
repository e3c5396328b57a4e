package dev.episodebot.core.state;

import dev.episodebot.core.support.BoundedLruMap;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.util.List;
import java.util.Map;

/**
 * One langchain4j {@link MessageWindowChatMemory} per conversation, for at most
 * {@code maxConversations} conversations (the least recently used one is forgotten first).
 */
public final class InMemoryConversationStore implements ConversationStore {

    private final int maxMessages;
    private final Map<String, ChatMemory> memories;

    public InMemoryConversationStore(int maxConversations, int maxMessages) {
        this.maxMessages = maxMessages;
        this.memories = new BoundedLruMap<>(maxConversations);
    }

    @Override
    public synchronized List<ChatMessage> messages(String conversationId) {
        ChatMemory memory = memories.get(conversationId);
        return memory == null ? List.of() : List.copyOf(memory.messages());
    }

    @Override
    public synchronized void append(String conversationId, List<ChatMessage> messages) {
        ChatMemory memory = memories.computeIfAbsent(conversationId,
                id -> MessageWindowChatMemory.builder().id(id).maxMessages(maxMessages).build());
        messages.forEach(memory::add);
    }

    @Override
    public synchronized void forget(String conversationId) {
        ChatMemory memory = memories.remove(conversationId);
        if (memory != null) {
            memory.clear();
        }
    }

    @Override
    public synchronized int size() {
        return memories.size();
    }

    /** The characters held for all conversations (what the bounds are about). */
    public synchronized long retainedChars() {
        long chars = 0;
        for (ChatMemory memory : memories.values()) {
            for (ChatMessage message : memory.messages()) {
                if (message instanceof UserMessage user) {
                    chars += user.singleText().length();
                } else if (message instanceof AiMessage ai && ai.text() != null) {
                    chars += ai.text().length();
                }
            }
        }
        return chars;
    }
}
