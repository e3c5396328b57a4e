package dev.episodebot.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextLinesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "one", "a\nb", "a\r\nb", "a\rb", "a\n", "\n", "\r\n", "\r\r\n\n", "a\n\rb",
            "第一行\r\n第二行\n\n第四行\r", "trailing\r\n\r\n"})
    void givenLineBreaksOfEveryKind_whenSplit_thenTheLinesAreThoseOfTheRegexSplit(String text) {
        // WHEN
        String[] lines = TextLines.split(text);
        // THEN
        assertThat(lines).containsExactly(text.split("\\r\\n|\\r|\\n", -1));
    }

    @Test
    void givenRandomMixesOfBreaks_whenSplit_thenTheLinesAreThoseOfTheRegexSplit() {
        // GIVEN
        Random random = new Random(7);
        List<String> pieces = List.of("a", "字", "\n", "\r", "\r\n", " ", "");
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            // WHEN / THEN
            assertThat(TextLines.split(text.toString())).as("%s", text).containsExactly(text.toString().split("\\r\\n|\\r|\\n", -1));
        }
    }
}
