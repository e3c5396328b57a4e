package dev.episodebot.core.config;

/** Which LLM answers, if any. */
public enum LlmProvider {
    /** No LLM: extractive answers only (the default; no network). */
    NONE,
    /** Any OpenAI-compatible chat completions endpoint (OpenAI, DeepSeek, Qwen, vLLM, llama.cpp, LM Studio). */
    OPENAI,
    /** An Ollama server. */
    OLLAMA
}
