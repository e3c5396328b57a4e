package dev.episodebot.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.answer.Messages;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.FakeChatServer.Reply;
import dev.episodebot.core.testing.SharedEmbeddingModels;
import dev.episodebot.core.testing.SharedEpisodeCore;
import dev.episodebot.core.testing.TestCores;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an LLM endpoint fails — 500, 429, connection refused, no reply, a stream cut in the
 * middle, malformed JSON, an empty answer — still gets the user the extractive answer with a
 * one-line note, within {@code LLM_TIMEOUT} plus 2 s.
 */
class LlmFaultsTest {

    private static final String REKA_TEAM = "Reka 的技术团队有多少人？";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path root;

    private FakeChatServer llm;
    private BotCore core;

    @BeforeAll
    static void warmQuestionVector() {
        SharedEpisodeCore.core().answerer().answer(REKA_TEAM, List.of());
    }

    @BeforeEach
    void setUp() {
        llm = FakeChatServer.start();
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
    }

    @AfterEach
    void tearDown() {
        if (core != null) {
            core.close();
        }
        llm.close();
    }

    private BotCore core(Map<String, String> env) {
        core = TestCores.create(TestCores.config(root, env), SharedEmbeddingModels.provider(), Clock.systemUTC());
        core.refresh(IndexingListener.none());
        return core;
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("HTTP 500", Reply.status(500, "internal error")),
                Arguments.of("HTTP 429", Reply.status(429, "rate limit reached, retry after 20s")),
                Arguments.of("HTTP 503", Reply.status(503, "overloaded")),
                Arguments.of("no reply", Reply.hang()),
                Arguments.of("stream cut in the middle", Reply.cut()),
                Arguments.of("malformed JSON", Reply.raw("{\"choices\": [ {\"message\": ")),
                Arguments.of("not JSON at all", Reply.raw("<html>Bad gateway</html>")),
                Arguments.of("empty answer", Reply.text("")),
                Arguments.of("whitespace answer", Reply.text("   \n ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFailingLlmStillGivesTheExtractiveAnswerInTime(String kind, Reply fault) {
        // GIVEN an OpenAI-compatible endpoint that fails this way
        core(llm.openAiEnv(TIMEOUT.toMillis() + "ms"));
        llm.otherwise(fault);

        // WHEN a question is asked
        long started = System.nanoTime();
        Answer answer = core.answerer().answer(REKA_TEAM, List.of());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // THEN the server was tried once, and the user gets the transcript answer with the one-line
        // note, within the timeout plus 2 s
        assertThat(llm.requestCount()).isEqualTo(1);
        assertThat(answer.text()).startsWith(Messages.llmFallbackNote(Language.ZH) + "\n").contains("15");
        assertThat(answer.text().lines().filter(l -> l.equals(Messages.llmFallbackNote(Language.ZH)))).hasSize(1);
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.citations()).isNotEmpty();
        assertThat(answer.text()).doesNotContain("半截的回答");
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
    }

    @Test
    void aRefusedConnectionStillGivesTheExtractiveAnswer() throws IOException {
        // GIVEN an endpoint on a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(llm.openAiEnv(TIMEOUT.toMillis() + "ms"));
        env.put("LLM_BASE_URL", "http://127.0.0.1:" + port + "/v1");
        core(env);

        // WHEN a question is asked THEN the extractive answer comes with the note
        Answer answer = core.answerer().answer(REKA_TEAM, List.of());
        assertThat(answer.text()).startsWith(Messages.llmFallbackNote(Language.ZH)).contains("15");
    }
}
