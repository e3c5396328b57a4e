package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code episode-bot ask}: one question, as text or as JSON. */
class AskCommandTest {

    private static final String REKA_TEAM = "Reka 的技术团队有多少人？";

    @TempDir
    static Path root;

    private static Env env;

    @BeforeAll
    static void knowledge() {
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        env = TestCores.env(root, Map.of());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void askPrintsTheAnswerWithTheFact() {
        // GIVEN the episode in KNOWLEDGE_DIR
        // WHEN ask is run with the question as several words
        Cli.Result result = Cli.run(env, "ask", "Reka", "的技术团队有多少人？");

        // THEN it exits 0 and prints the quoted answer with its source
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("15").contains(EpisodeFiles.EPISODE);
    }

    @Test
    void askJsonFollowsTheDocumentedSchemaExactly() throws Exception {
        // GIVEN the episode
        // WHEN ask --json is run
        Cli.Result result = Cli.run(env, "ask", "--json", REKA_TEAM);

        // THEN stdout is one JSON document with exactly the documented fields and types
        assertThat(result.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(result.out());
        assertThat(fieldNames(root)).containsExactly("answer", "grounded", "language", "citations", "retrieved",
                "kind", "lead", "quotes", "items");
        assertThat(root.get("answer").isTextual()).isTrue();
        assertThat(root.get("answer").asText()).contains("15");
        assertThat(root.get("grounded").isBoolean()).isTrue();
        assertThat(root.get("language").asText()).isEqualTo("zh");
        assertThat(root.get("citations").isArray()).isTrue();
        assertThat(root.get("citations")).isNotEmpty().allSatisfy(c -> {
            assertThat(fieldNames(c)).containsExactly("source", "lineStart", "lineEnd", "start", "end", "url", "quote");
            assertThat(c.get("source").asText()).isEqualTo(EpisodeFiles.EPISODE);
            assertThat(c.get("lineStart").isInt()).isTrue();
            assertThat(c.get("lineEnd").asInt()).isGreaterThanOrEqualTo(c.get("lineStart").asInt());
            assertThat(c.get("start").isNull()).isTrue();
            assertThat(c.get("end").isNull()).isTrue();
            assertThat(c.get("url").isNull()).isTrue();
            assertThat(c.get("quote").isTextual()).isTrue();
        });
        // AND the structure: the kind, the lead (the answering line), each quote with its answering line and citation
        assertThat(root.get("kind").asText()).isEqualTo("answer");
        assertThat(root.get("lead").asText()).contains("15");
        assertThat(root.get("quotes")).isNotEmpty().allSatisfy(q -> {
            assertThat(fieldNames(q)).containsExactly("lines", "answerLine", "citation");
            assertThat(q.get("lines").isArray()).isTrue();
            assertThat(q.get("citation").asInt()).isBetween(0, root.get("citations").size() - 1);
        });
        JsonNode first = root.get("quotes").get(0);
        assertThat(first.get("lines").get(first.get("answerLine").asInt()).asText()).isEqualTo(root.get("lead").asText());
        assertThat(root.get("items").isArray()).isTrue();
        // AND the plain-text answer shows the lead once
        String answer = root.get("answer").asText();
        assertThat(answer.split(java.util.regex.Pattern.quote(root.get("lead").asText()), -1)).hasSize(2);
        assertThat(root.get("retrieved")).hasSizeBetween(1, 5).allSatisfy(r -> {
            assertThat(fieldNames(r)).containsExactly("source", "lineStart", "lineEnd", "score", "text");
            assertThat(r.get("score").isNumber()).isTrue();
            assertThat(r.get("text").isTextual()).isTrue();
            assertThat(r.get("lineStart").isInt()).isTrue();
        });
    }

    @Test
    void askJsonCitationQuotesTheRetrievedText() throws Exception {
        // GIVEN the episode
        // WHEN ask --json is run
        JsonNode root = new ObjectMapper().readTree(Cli.run(env, "ask", "--json", REKA_TEAM).out());

        // THEN every quoted line is part of some retrieved passage's text
        List<String> texts = new ArrayList<>();
        root.get("retrieved").forEach(r -> texts.add(r.get("text").asText()));
        for (JsonNode citation : root.get("citations")) {
            for (String line : citation.get("quote").asText().split("\n")) {
                assertThat(texts).anyMatch(t -> t.contains(line));
            }
        }
    }

    @Test
    void askWithoutAQuestionIsAUsageError() {
        // GIVEN no question
        // WHEN ask is run
        Cli.Result result = Cli.run(env, "ask");

        // THEN picocli reports the missing parameter and exits 2
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("QUESTION");
    }

    @Test
    void askPrintsOnTheConsoleWhatAUserWouldBeShown(@TempDir Path other) {
        // GIVEN a transcript whose lines carry bidi overrides and a token-shaped secret
        String token = "5" + "123456789".repeat(1) + ":" + "AAH" + "k".repeat(10) + "Q".repeat(10) + "z".repeat(12);
        EpisodeFiles.write(TestCores.knowledgeDir(other), "notes.txt",
                "备忘录里写着部署用的机器人令牌\n令牌是 \u202E" + token + "\u202C 请保密\n");
        Env otherEnv = TestCores.env(other, Map.of());

        // WHEN ask and ask --json are run about it
        Cli.Result text = Cli.run(otherEnv, "ask", "备忘录里写的机器人令牌是什么？");
        Cli.Result json = Cli.run(otherEnv, "ask", "--json", "备忘录里写的机器人令牌是什么？");

        // THEN the answer is printed with the token masked and without the bidi controls
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("***").contains("请保密");
        for (String out : List.of(text.out(), json.out())) {
            assertThat(out).doesNotContain(token.substring(0, 12)).doesNotContain("\u202E").doesNotContain("\u202C");
        }
    }
}
