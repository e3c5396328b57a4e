package dev.episodebot.app;

import static dev.episodebot.core.testing.ReplyFixtures.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.Quote;
import dev.episodebot.core.testing.ReplyFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden renderings of the structured reply as {@code ask --json}. */
class JsonAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<ReplyFixtures.Fixture> fixtures() {
        return ReplyFixtures.all();
    }

    private static JsonNode json(BotReply reply) throws Exception {
        return JSON.readTree(JsonAnswer.of(reply, List.of()));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aChineseFactAnswerKeepsTheOldKeysAndAddsTheStructure() throws Exception {
        JsonNode root = json(ReplyFixtures.chineseFact());
        assertThat(names(root)).containsExactly("answer", "grounded", "language", "citations", "retrieved", "kind", "lead",
                "quotes", "items");
        assertThat(root.get("answer").asText()).isEqualTo(ReplyFixtures.chineseFact().text());
        assertThat(root.get("kind").asText()).isEqualTo("answer");
        assertThat(root.get("lead").asText()).isEqualTo("这些成就是由不到 15 人的技术团队完成的");
        assertThat(root.get("quotes").toString()).isEqualTo("[{\"lines\":[\"此外\",\"这些成就是由不到 15 人的技术团队完成的\","
                + "\"个人层面\",\"这对我来说是一个极为紧张的时期\"],\"answerLine\":1,\"citation\":0}]");
        assertThat(root.get("citations").get(0).get("lineStart").asInt()).isEqualTo(113);
        assertThat(root.get("items")).isEmpty();
    }

    @Test
    void aListAnswerHasOneItemPerAnswerEachWithItsQuoteAndCitation() throws Exception {
        JsonNode items = json(ReplyFixtures.listOfThree()).get("items");
        assertThat(items).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(items.get(i).get("quote").asInt()).isEqualTo(i);
            assertThat(items.get(i).get("citation").asInt()).isEqualTo(i);
        }
        assertThat(items.get(2).get("text").asText()).isEqualTo("Noam Shazeer 重返谷歌");
    }

    @Test
    void aNotCoveredAnswerHasItsKindAndNoQuotes() throws Exception {
        JsonNode root = json(ReplyFixtures.notCovered());
        assertThat(root.get("kind").asText()).isEqualTo("not-covered");
        assertThat(root.get("grounded").asBoolean()).isFalse();
        assertThat(root.get("quotes")).isEmpty();
        assertThat(root.get("citations")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyQuoteIsOnceInTheAnswerAndItsAnsweringLineIsNamed(ReplyFixtures.Fixture fixture) throws Exception {
        JsonNode root = json(fixture.reply());
        String answer = root.get("answer").asText();
        for (int q = 0; q < fixture.reply().quotes().size(); q++) {
            Quote quote = fixture.reply().quotes().get(q);
            JsonNode node = root.get("quotes").get(q);
            for (int i = 0; i < quote.lines().size(); i++) {
                assertThat(node.get("lines").get(i).asText()).isEqualTo(quote.lines().get(i));
                assertThat(occurrences(answer, quote.lines().get(i))).isEqualTo(1);
            }
            assertThat(node.get("answerLine").isNull()).isEqualTo(quote.answerLine() < 0);
            if (quote.answerLine() >= 0) {
                assertThat(node.get("answerLine").asInt()).isEqualTo(quote.answerLine());
                assertThat(answer).contains("» " + quote.answerText());
            }
            assertThat(root.get("citations").get(node.get("citation").asInt())).isNotNull();
        }
    }
}
