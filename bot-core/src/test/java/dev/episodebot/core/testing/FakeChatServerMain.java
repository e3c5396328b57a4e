package dev.episodebot.core.testing;

import dev.episodebot.core.testing.FakeChatServer.Reply;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeChatServer} on its own, beside the fat jar (OpenAI-compatible under
 * {@code /v1}, Ollama under {@code /api}),:
 *
 * <pre>
 *   java -cp bot-core/target/test-classes:bot-app/target/episode-bot.jar \
 *       dev.episodebot.core.testing.FakeChatServerMain 8090 slow 1500
 *       every request answered after 1500 ms: "Reka 的技术团队不到 15 人 [L114]。"
 *   ... FakeChatServerMain 8090 stream 500
 *       every request streamed in ten pieces 500 ms apart, citing L114 and L116-117 and
 *       inventing the quote 「Reka 有 500 名员工」 along the way
 *
 *   LLM_PROVIDER=openai LLM_BASE_URL=http://127.0.0.1:8090/v1 LLM_API_KEY=sk-fake LLM_MODEL=fake \
 *       java -jar bot-app/target/episode-bot.jar run
 * </pre>
 */
public final class FakeChatServerMain {

    /** The answer of {@code slow} mode. */
    public static final String ANSWER = "Reka 的技术团队不到 15 人 [L114]。";

    private FakeChatServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        String mode = args.length > 1 ? args[1] : "slow";
        Duration pause = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 1500);
        FakeChatServer server = FakeChatServer.start(port);
        server.otherwise(switch (mode) {
            case "slow" -> Reply.delayed(pause, Reply.text(ANSWER));
            case "stream" -> Reply.streamWithInventedQuote(pause);
            default -> throw new IllegalArgumentException("mode: slow or stream, not " + mode);
        });
        System.out.println("Fake LLM (" + mode + ", " + pause.toMillis() + " ms) on " + server.openAiBaseUrl()
                + " and " + server.baseUrl() + " (Ollama)");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }
}
