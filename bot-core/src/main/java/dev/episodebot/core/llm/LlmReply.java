package dev.episodebot.core.llm;

import java.util.List;

/**
 * What the LLM answered.
 *
 * @param text the answer text (citation markers kept)
 * @param cited the 0-based indexes of the passages it cites
 * @param covered false when the model said the passages do not hold the answer
 */
public record LlmReply(String text, List<Integer> cited, boolean covered) {}
