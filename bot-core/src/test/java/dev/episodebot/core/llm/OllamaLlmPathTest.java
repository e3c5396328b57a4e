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
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM path with {@code LLM_PROVIDER=ollama} against a fake {@code /api/chat} on 127.0.0.1.
 * langchain4j-ollama 1.18.1 runs here on langchain4j-core 1.19.0: these tests show they work together.
 */
class OllamaLlmPathTest {

    private static final String REKA_TEAM = "Reka 的技术团队有多少人？";

    @TempDir
    Path root;

    private FakeChatServer ollama;
    private BotCore core;

    @BeforeEach
    void start() {
        ollama = FakeChatServer.start();
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        core = TestCores.create(TestCores.config(root, ollama.ollamaEnv("5s")));
        core.refresh(IndexingListener.none());
    }

    @AfterEach
    void stop() {
        core.close();
        ollama.close();
    }

    private Answer ask(String question) {
        return core.answerer().answer(question, List.of());
    }

    @Test
    void ollamaChatRequestCarriesTheModelAndTheTaggedPassagesWithoutStreaming() {
        // GIVEN an Ollama server that answers
        ollama.otherwise(Reply.text("不到 15 人。[L114]"));

        // WHEN a question is asked
        Answer answer = ask(REKA_TEAM);

        // THEN one non-streaming /api/chat request (nobody watches drafts) carries the model, the rules, the
        // numbered transcript and the question in their tags
        assertThat(ollama.requests()).hasSize(1);
        FakeChatServer.Recorded request = ollama.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.json().path("model").asText()).isEqualTo("fake-model");
        assertThat(request.json().path("stream").asBoolean(true)).isFalse();
        assertThat(request.systemMessage()).contains("NOT_IN_EPISODE");
        assertThat(request.userMessage()).startsWith("<transcript>\n<episode title=")
                .contains("\nL114 这些成就是由不到 15 人的技术团队完成的\n")
                .endsWith("<question>\n" + REKA_TEAM + "\n</question>");
        assertThat(answer.retrieved()).isNotEmpty();
    }

    @Test
    void ollamaReplyIsTheGroundedAnswerCitingTheLine() {
        // GIVEN an Ollama reply citing line 114
        ollama.otherwise(Reply.text("Reka 的技术团队不到 15 人。[L114]"));

        // WHEN the question is answered
        Answer answer = ask(REKA_TEAM);

        // THEN the reply is the grounded answer citing that line
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.reply().lead()).isEqualTo("Reka 的技术团队不到 15 人。[1]");
        assertThat(answer.citations()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(EpisodeFiles.EPISODE);
            assertThat(c.lineStart()).isEqualTo(114);
        });
    }

    @Test
    void ollamaNotInEpisodeMeansNotGrounded() {
        // GIVEN an Ollama reply saying the passages do not hold the answer
        ollama.otherwise(Reply.text("NOT_IN_EPISODE"));

        // WHEN a question is asked
        Answer answer = ask(REKA_TEAM);

        // THEN the bot declines
        assertThat(answer.grounded()).isFalse();
        assertThat(answer.citations()).isEmpty();
    }

    @Test
    void ollamaErrorFallsBackToTheExtractiveAnswer() {
        // GIVEN an Ollama server that fails (model not pulled)
        ollama.otherwise(Reply.status(404, "model 'fake-model' not found, try pulling it first"));

        // WHEN a question is asked
        Answer answer = ask(REKA_TEAM);

        // THEN the transcript answer with the note comes back
        assertThat(answer.text()).startsWith(Messages.llmFallbackNote(Language.ZH)).contains("15");
        assertThat(ollama.requestCount()).isEqualTo(1);
    }
}
