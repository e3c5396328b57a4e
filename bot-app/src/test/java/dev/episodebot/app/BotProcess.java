package dev.episodebot.app;

import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.telegram.fake.FakeTelegramServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts {@code episode-bot run} in a child JVM on the test classpath, as an operator would (SIGTERM works). */
final class BotProcess {

    private BotProcess() {}

    /**
     * The environment of a bot on the bundled episode, with its cache and data under {@code temp}, on
     * the fake Telegram server, answering through the fake LLM with {@code LLM_TIMEOUT=llmTimeout}.
     */
    static Map<String, String> env(Path temp, FakeTelegramServer telegram, FakeChatServer llm, String llmTimeout) {
        Map<String, String> env = new HashMap<>();
        env.put("KNOWLEDGE_DIR", Path.of("../knowledge").toAbsolutePath().toString());
        env.put("CACHE_DIR", temp.resolve("cache").toString());
        env.put("DATA_DIR", temp.resolve("data").toString());
        env.put("TELEGRAM_BOT_TOKEN", "123456:TEST-token-for-a-child-bot");
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("LLM_PROVIDER", "openai");
        env.put("LLM_BASE_URL", llm.openAiBaseUrl());
        env.put("LLM_MODEL", "fake-model");
        env.put("LLM_TIMEOUT", llmTimeout);
        return env;
    }

    /** A child running {@code run} with {@code env} added to the environment; its output goes to {@code log}. */
    static Process run(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), EpisodeBotCli.class.getName(), "run");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }
}
