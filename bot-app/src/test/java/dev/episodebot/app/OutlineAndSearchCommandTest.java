package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code episode-bot outline [--json] [EPISODE]} and {@code episode-bot search [--json] TERM}. */
class OutlineAndSearchCommandTest {

    private static final Map<String, String> INT8 = Map.of("EMBEDDING_MODEL", "bge-small-zh-q");

    @TempDir
    Path root;

    @Test
    void outlineJsonHasEverySectionInOrderWithTitlesKeyLinesSummaryAndKeywords() throws Exception {
        // GIVEN the bundled episode
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));

        // WHEN outline --json runs
        Cli.Result result = Cli.run(TestCores.env(root, INT8), "outline", "--json");

        // THEN it prints the documented shape: sections covering lines 1..227 in order, no times for a .txt
        assertThat(result.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(result.out());
        assertThat(root.path("source").asText()).isEqualTo(EpisodeFiles.EPISODE);
        assertThat(root.path("title").asText()).isNotBlank();
        JsonNode sections = root.path("sections");
        assertThat(sections.size()).isBetween(8, 15);
        int next = 1;
        for (JsonNode s : sections) {
            assertThat(s.path("lineStart").asInt()).isEqualTo(next);
            assertThat(s.path("title").asText()).isNotBlank();
            assertThat(s.path("start").isNull()).isTrue();
            assertThat(s.path("end").isNull()).isTrue();
            assertThat(s.path("keyLines").size()).isBetween(1, 2);
            next = s.path("lineEnd").asInt() + 1;
        }
        assertThat(next - 1).isEqualTo(EpisodeFiles.episodeLines().size());
        assertThat(root.path("summary").size()).isBetween(3, 6);
        assertThat(root.path("summary").get(0).path("text").asText()).isNotBlank();
        assertThat(root.path("keywords").size()).isPositive();
    }

    @Test
    void searchJsonListsBothSnowflakeLinesAndSeveralEpisodesMakeOutlineAskWhichOne() throws Exception {
        // GIVEN two episodes
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        EpisodeFiles.write(TestCores.knowledgeDir(root), "cooking.txt", "今天我们来做红烧肉\n红烧肉要用冰糖炒糖色\n");

        // WHEN search --json looks for snowflake
        Cli.Result search = Cli.run(TestCores.env(root, INT8), "search", "--json", "snowflake");

        // THEN lines 187 and 189 come back with their quotes
        assertThat(search.exitCode()).isZero();
        JsonNode found = new ObjectMapper().readTree(search.out());
        assertThat(found.path("total").asInt()).isEqualTo(2);
        assertThat(found.path("matches").findValuesAsText("lineStart")).containsExactly("187", "189");
        assertThat(found.path("matches").get(0).path("quote").asText()).contains("Snowflake");

        // AND outline without an episode lists both to choose from, and exits 2
        Cli.Result outline = Cli.run(TestCores.env(root, INT8), "outline", "--json");
        assertThat(outline.exitCode()).isEqualTo(2);
        assertThat(outline.err()).contains("cooking", "episode-yi-tay-returns-to-google");
    }
}
