package dev.episodebot.core.bot;

import dev.episodebot.core.state.ConversationStore;
import dev.episodebot.core.state.InMemoryConversationStore;
import dev.episodebot.core.support.DisplayText;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The conversations the bot remembers, on a {@link ConversationStore} (this process's memory, or a
 * store shared by several instances): a window of the last messages per conversation. Each
 * remembered question and answer keeps at most {@value #MAX_TURN_CHARS} characters, so memory
 * stays flat whatever the size of the answers.
 */
public final class ConversationMemories {

    static final int MAX_TURN_CHARS = 600;

    private final ConversationStore store;

    /** In this process: {@code maxMessages} per conversation, at most {@code maxConversations} (least recently used forgotten). */
    public ConversationMemories(int maxConversations, int maxMessages) {
        this(new InMemoryConversationStore(maxConversations, maxMessages));
    }

    public ConversationMemories(ConversationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Earlier turns as "User: …" / "Bot: …" lines, oldest first (empty for a new conversation). */
    public List<String> history(String conversationId) {
        List<String> turns = new ArrayList<>();
        for (ChatMessage message : store.messages(conversationId)) {
            if (message instanceof UserMessage user) {
                turns.add("User: " + user.singleText());
            } else if (message instanceof AiMessage ai && ai.text() != null) {
                turns.add("Bot: " + ai.text());
            }
        }
        return turns;
    }

    /** Remembers a question and its answer. */
    public void remember(String conversationId, String question, String answer) {
        store.append(conversationId, List.of(UserMessage.from(abbreviate(question)), AiMessage.from(abbreviate(answer))));
    }

    /** Forgets a conversation ({@code new}). */
    public void forget(String conversationId) {
        store.forget(conversationId);
    }

    /** How many conversations are remembered. */
    public int size() {
        return store.size();
    }

    /** The characters held for all conversations in this process (what the bound is about); 0 for another store. */
    long retainedChars() {
        return store instanceof InMemoryConversationStore local ? local.retainedChars() : 0;
    }

    private static String abbreviate(String text) {
        return DisplayText.shorten(text, MAX_TURN_CHARS);
    }
}
