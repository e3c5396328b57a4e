/**
 * Answering from retrieved passages: {@link dev.episodebot.core.answer.EvidenceFinder} scores the
 * transcript lines of the best passages against the question and judges whether the episode
 * covers it; {@link dev.episodebot.core.answer.ExtractiveAnswerer} quotes the best lines with
 * citations (no LLM, no network); {@link dev.episodebot.core.answer.LlmAnswerer} asks a
 * langchain4j {@link dev.langchain4j.model.chat.ChatModel} to answer from numbered passages only,
 * and falls back to the extractive answer on any error or timeout.
 */
package dev.episodebot.core.answer;
