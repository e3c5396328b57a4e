/**
 * The optional LLM: {@link dev.episodebot.core.llm.ChatModels} builds a langchain4j
 * {@link dev.langchain4j.model.chat.ChatModel} for any OpenAI-compatible endpoint or Ollama;
 * {@link dev.episodebot.core.llm.GuardedChatModel} bounds every call by {@code LLM_TIMEOUT} and
 * opens a circuit after repeated failures; {@link dev.episodebot.core.llm.LlmAnswerer} answers from
 * numbered passages only; {@link dev.episodebot.core.llm.LlmQueryRewriter} turns a follow-up into a
 * standalone question and translates it into the knowledge's language. User text and passages
 * are always delimited as data.
 */
package dev.episodebot.core.llm;
