package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bounded conversation memory: a window per conversation, least recently used conversations forgotten. */
class ConversationMemoriesTest {

    @Test
    void eachConversationKeepsOnlyTheLastMessagesOfItsWindow() {
        // GIVEN memories keeping 4 messages (2 turns) per conversation
        ConversationMemories memories = new ConversationMemories(10, 4);

        // WHEN three turns are remembered
        memories.remember("chat-1", "问题一", "回答一");
        memories.remember("chat-1", "问题二", "回答二");
        memories.remember("chat-1", "问题三", "回答三");

        // THEN only the last two turns are left, oldest first
        assertThat(memories.history("chat-1"))
                .containsExactly("User: 问题二", "Bot: 回答二", "User: 问题三", "Bot: 回答三");
    }

    @Test
    void conversationsDoNotSeeEachOther() {
        // GIVEN two conversations
        ConversationMemories memories = new ConversationMemories(10, 12);
        memories.remember("chat-1", "甲的问题", "甲的回答");
        memories.remember("chat-2", "乙的问题", "乙的回答");

        // WHEN one conversation's history is read
        // THEN it holds only its own turns, and an unknown conversation has none
        assertThat(memories.history("chat-2")).containsExactly("User: 乙的问题", "Bot: 乙的回答");
        assertThat(memories.history("chat-3")).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedConversationIsForgottenPastTheLimit() {
        // GIVEN room for two conversations, with a and b remembered and a used again afterwards
        ConversationMemories memories = new ConversationMemories(2, 12);
        memories.remember("a", "qa", "aa");
        memories.remember("b", "qb", "ab");
        memories.history("a");

        // WHEN a third conversation starts
        memories.remember("c", "qc", "ac");

        // THEN b, the least recently used, is forgotten; a and c remain
        assertThat(memories.size()).isEqualTo(2);
        assertThat(memories.history("b")).isEmpty();
        assertThat(memories.history("a")).containsExactly("User: qa", "Bot: aa");
        assertThat(memories.history("c")).containsExactly("User: qc", "Bot: ac");
    }

    @Test
    void forgetDropsTheWholeConversationOnly() {
        // GIVEN two remembered conversations
        ConversationMemories memories = new ConversationMemories(10, 12);
        memories.remember("a", "qa", "aa");
        memories.remember("b", "qb", "ab");

        // WHEN one is forgotten
        memories.forget("a");

        // THEN it has no history any more, and the other is untouched
        assertThat(memories.history("a")).isEmpty();
        assertThat(memories.history("b")).hasSize(2);
        assertThat(memories.size()).isEqualTo(1);
    }

    @Test
    void veryLongTurnsAreAbbreviatedInTheHistory() {
        // GIVEN a turn with a 2000-character answer
        ConversationMemories memories = new ConversationMemories(10, 12);
        memories.remember("a", "问", "长".repeat(2000));

        // WHEN the history is read
        String bot = memories.history("a").get(1);

        // THEN the answer is cut to 600 characters, the last one an ellipsis
        assertThat(bot).isEqualTo("Bot: " + "长".repeat(599) + "…");
    }
}
