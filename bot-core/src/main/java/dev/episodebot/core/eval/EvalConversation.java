package dev.episodebot.core.eval;

import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.answer.QuestionAnswerer;
import dev.episodebot.core.bot.ConversationMemories;
import dev.episodebot.core.bot.InputCleaner;

/**
 * One conversation as a chat user has it with the bot: every question is cleaned, answered with the
 * conversation's earlier turns from the {@link ConversationMemories}, and then remembered with its
 * answer — the steps {@code DefaultEpisodeBot} takes for a question, without its rate and size
 * guards. {@link #close()} forgets the conversation.
 */
final class EvalConversation implements AutoCloseable {

    private final QuestionAnswerer answerer;
    private final ConversationMemories memories;
    private final String id;

    EvalConversation(QuestionAnswerer answerer, ConversationMemories memories, String id) {
        this.answerer = answerer;
        this.memories = memories;
        this.id = id;
    }

    Answer ask(String text) {
        String question = InputCleaner.clean(text);
        Answer answer = answerer.answer(question, memories.history(id));
        memories.remember(id, question, answer.text());
        return answer;
    }

    @Override
    public void close() {
        memories.forget(id);
    }
}
