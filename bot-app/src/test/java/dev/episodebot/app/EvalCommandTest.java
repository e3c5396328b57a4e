package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code episode-bot eval}: recall per language, hits per kind and the headline measures on stdout, per-question report as JSON. */
class EvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    /** The dev set, shipped in bot-core's test-jar, copied to a file. */
    private Path devQuestions() throws Exception {
        Path file = root.resolve("dev.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/eval/dev.jsonl")) {
            assertThat(in).as("eval/dev.jsonl from bot-core's test-jar").isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void evalPrintsRecallPerLanguageAndWritesAPerQuestionReport() throws Exception {
        // GIVEN the episode and the dev question set
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        Path questions = devQuestions();
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(questions, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                ids.add(JSON.readTree(line).get("id").asText());
            }
        }
        Path report = root.resolve("reports/out.json");

        // WHEN eval runs with a report and k=5
        Cli.Result result = Cli.run(TestCores.env(root, Map.of()), "eval", "--questions", questions.toString(),
                "--report", report.toString(), "--k", "5");

        // THEN it prints recall at 1, 3 and 5 for each language and overall
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("(?m)^lang\\s+questions\\s+recall@1\\s+recall@3\\s+recall@5\\b")
                .containsPattern("(?m)^en\\s+\\d+\\s+\\d\\.\\d\\d\\s+\\d\\.\\d\\d\\s+\\d\\.\\d\\d$")
                .containsPattern("(?m)^zh\\s+\\d+\\s+\\d\\.\\d\\d\\s+\\d\\.\\d\\d\\s+\\d\\.\\d\\d$")
                .containsPattern("(?m)^all\\s+\\d+")
                .contains("Report: " + report);
        // AND answer hit per kind and the headline measures, each with a value and a question count
        assertThat(result.out()).containsPattern("(?m)^kind\\s+questions\\s+answer hit$")
                .containsPattern("(?m)^followup\\s+\\d+\\s+\\d\\.\\d\\d$")
                .containsPattern("(?m)^oos\\s+\\d+\\s+\\d\\.\\d\\d\\s+\\(abstained\\)$")
                .containsPattern("(?m)^zh recall@3 \\(fact, paraphrase, follow-up\\)\\s+\\d\\.\\d\\d\\s+\\d+$")
                .containsPattern("(?m)^English answer hit\\s+\\d\\.\\d\\d\\s+\\d+$")
                .containsPattern("(?m)^out-of-scope abstention\\s+\\d\\.\\d\\d\\s+\\d+$")
                .containsPattern("(?m)^false abstention\\s+\\d\\.\\d\\d\\s+\\d+$");
        // AND the report has one entry per question with its id, kind, at most k retrieved texts, the answer,
        // grounded and hit
        JsonNode root = JSON.readTree(report.toFile());
        assertThat(root.get("k").asInt()).isEqualTo(5);
        assertThat(root.get("metrics").has("zh")).isTrue();
        JsonNode perQuestion = root.get("questions");
        List<String> reportedIds = new ArrayList<>();
        perQuestion.forEach(q -> reportedIds.add(q.get("id").asText()));
        assertThat(reportedIds).isEqualTo(ids);
        assertThat(perQuestion).allSatisfy(q -> {
            assertThat(q.get("retrieved").isArray()).isTrue();
            // a question about the whole episode is answered by its summary, without retrieval
            assertThat(q.get("retrieved").size()).isBetween(q.get("kind").asText().equals("overview") ? 0 : 1, 5);
            q.get("retrieved").forEach(t -> assertThat(t.isTextual()).isTrue());
            assertThat(q.get("answer").isTextual()).isTrue();
            assertThat(q.get("grounded").isBoolean()).isTrue();
            assertThat(q.get("kind").asText()).isIn("fact", "paraphrase", "crosslingual", "followup", "list", "overview",
                    "oos");
            assertThat(q.get("hit").isBoolean()).isTrue();
        });
        assertThat(root.get("metrics").get("measures").has("follow-up")).isTrue();
    }

    @Test
    void evalAsksAFollowUpsContextFirstAndReportsTheAnswersToIt() throws Exception {
        // GIVEN the episode and a follow-up whose context is two earlier questions
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        Path questions = root.resolve("followup.jsonl");
        Files.writeString(questions, """
                {"id":"f","lang":"zh","kind":"followup","context":["Snowflake 想收购哪家公司？","出价多少？"],"q":"后来成了吗？","evidence":["这笔收购此后又被曝终止"],"answer":["终止"]}
                """, StandardCharsets.UTF_8);
        Path report = root.resolve("out.json");

        // WHEN eval runs
        Cli.Result result = Cli.run(TestCores.env(root, Map.of()), "eval", "--questions", questions.toString(),
                "--report", report.toString());

        // THEN the report holds the context, one non-empty answer per context question, and the follow-up's kind
        assertThat(result.exitCode()).isZero();
        JsonNode q = JSON.readTree(report.toFile()).get("questions").get(0);
        assertThat(q.get("kind").asText()).isEqualTo("followup");
        assertThat(q.get("context")).hasSize(2);
        assertThat(q.get("contextAnswers")).hasSize(2).allSatisfy(a -> assertThat(a.asText()).isNotBlank());
    }

    @Test
    void evalWithSmallerKKeepsFewerRetrievedTexts() throws Exception {
        // GIVEN the episode and two questions
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        Path questions = root.resolve("two.jsonl");
        Files.writeString(questions, """
                {"id":"a","lang":"zh","kind":"fact","q":"Reka 的技术团队有多少人？","evidence":["不到 15 人"],"answer":["15"]}
                {"id":"b","lang":"zh","kind":"oos","q":"明天北京的天气怎么样？","evidence":[],"answer":[]}
                """, StandardCharsets.UTF_8);
        Path report = root.resolve("out.json");

        // WHEN eval runs with k=2
        Cli.Result result = Cli.run(TestCores.env(root, Map.of()), "eval", "--questions", questions.toString(),
                "--report", report.toString(), "--k", "2");

        // THEN each question keeps at most two retrieved texts, and grounded follows the answers
        assertThat(result.exitCode()).isZero();
        JsonNode perQuestion = JSON.readTree(report.toFile()).get("questions");
        assertThat(perQuestion).allSatisfy(q -> assertThat(q.get("retrieved").size()).isLessThanOrEqualTo(2));
        assertThat(perQuestion.get(0).get("grounded").asBoolean()).isTrue();
        assertThat(perQuestion.get(1).get("grounded").asBoolean()).isFalse();
    }

    @Test
    void evalWithAMalformedQuestionFileFailsNamingTheLine() throws Exception {
        // GIVEN a question file whose second line is not JSON
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        Path questions = root.resolve("bad.jsonl");
        Files.writeString(questions, "{\"id\":\"a\",\"q\":\"问题\"}\nnot json\n", StandardCharsets.UTF_8);

        // WHEN eval runs
        Cli.Result result = Cli.run(TestCores.env(root, Map.of()), "eval", "--questions", questions.toString());

        // THEN it fails with the line number
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("line 2");
    }
}
