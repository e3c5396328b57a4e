/**
 * Reusable test fixtures, shipped in bot-core's test-jar so the adapter modules and bot-app can
 * use them too (depend on {@code dev.episodebot:bot-core} with {@code <type>test-jar</type>} and
 * {@code <scope>test</scope>}).
 *
 * <ul>
 *   <li>{@link dev.episodebot.core.testing.SharedEpisodeCore} — one indexed core over a copy of the
 *       bundled episode, started lazily and shared by all test classes of a JVM (read-only use).</li>
 *   <li>{@link dev.episodebot.core.testing.TestCores} — configs and cores over a {@code @TempDir}
 *       ({@code knowledge/}, {@code cache/}, {@code data/}) with the shared embedding model.</li>
 *   <li>{@link dev.episodebot.core.testing.SharedEmbeddingModels} — the real in-process embedding
 *       models, loaded once per JVM and memoized by text
 *       ({@link dev.episodebot.core.testing.MemoizingEmbeddingModel}).</li>
 *   <li>{@link dev.episodebot.core.testing.CountingEmbeddingModel} — records every text the core
 *       embeds (and can slow down question embedding); its {@code provider(...)} plugs into
 *       {@code BotCore.create(config, provider, chatModel, clock)}.</li>
 *   <li>{@link dev.episodebot.core.testing.FakeChatServer} — a scripted OpenAI-compatible and
 *       Ollama LLM server on 127.0.0.1 for the real langchain4j clients: replies, HTTP errors,
 *       malformed bodies, a server that never answers; records every request.</li>
 *   <li>{@link dev.episodebot.core.testing.MutableClock} — a clock tests move by hand.</li>
 *   <li>{@link dev.episodebot.core.testing.LogCapture} — captures a logger's events (logback).</li>
 *   <li>{@link dev.episodebot.core.testing.EpisodeFiles} — the bundled episode file and helpers to
 *       write knowledge files.</li>
 * </ul>
 */
package dev.episodebot.core.testing;
