package dev.episodebot.core.bot;

import dev.episodebot.core.support.BoundedLruMap;
import dev.episodebot.core.support.DisplayText;
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
 * {@code maxConversations} conversations (the least recently used one is forgotten first). Each
 * remembered question and answer keeps at most {@value #MAX_TURN_CHARS} characters, so memory
 * stays flat whatever the size of the answers.
 */
public final class ConversationMemories {

    static final int MAX_TURN_CHARS = 600;

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
                turns.add("User: " + user.singleText());
            } else if (message instanceof AiMessage ai && ai.text() != null) {
                turns.add("Bot: " + ai.text());
            }
        }
        return turns;
    }

    /** Remembers a question and its answer. */
    public synchronized void remember(String conversationId, String question, String answer) {
        ChatMemory memory = memories.computeIfAbsent(conversationId,
                id -> MessageWindowChatMemory.builder().id(id).maxMessages(maxMessages).build());
        memory.add(UserMessage.from(abbreviate(question)));
        memory.add(AiMessage.from(abbreviate(answer)));
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

    /** The characters held for all conversations (what the bound is about). */
    synchronized long retainedChars() {
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

    private static String abbreviate(String text) {
        return DisplayText.shorten(text, MAX_TURN_CHARS);
    }
}
