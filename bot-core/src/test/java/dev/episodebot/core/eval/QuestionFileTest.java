package dev.episodebot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading question sets with {@link QuestionFile}. */
class QuestionFileTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("q.jsonl"), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryFieldIncludingTheContextOfAFollowUp() throws Exception {
        // GIVEN a follow-up with two context questions, and a bare line with only q
        Path file = file("""
                {"id":"f1","lang":"en","kind":"followup","context":["Who bought it?","When?"],"q":"why?","evidence":["e"],"answer":["a","b"]}

                {"q":"只有问题"}
                """);

        // WHEN read
        List<EvalQuestion> questions = QuestionFile.read(file);

        // THEN every field is kept; blank lines are skipped; missing fields take their defaults
        assertThat(questions).containsExactly(
                new EvalQuestion("f1", "en", QuestionKind.FOLLOWUP, List.of("Who bought it?", "When?"), "why?", List.of("e"),
                        List.of("a", "b")),
                new EvalQuestion("q3", "zh", QuestionKind.FACT, List.of(), "只有问题", List.of(), List.of()));
    }

    @Test
    void anUnknownKindFailsNamingTheLineAndTheKnownKinds() throws Exception {
        // GIVEN a second line with a kind nobody defined
        Path file = file("{\"q\":\"a\"}\n{\"q\":\"b\",\"kind\":\"trivia\"}\n");

        // THEN reading fails with the line and the kinds there are
        assertThatThrownBy(() -> QuestionFile.read(file)).isInstanceOf(IOException.class).hasMessageContaining("line 2")
                .hasMessageContaining("trivia").hasMessageContaining("followup");
    }

    @Test
    void aMissingQuestionOrANonArrayContextFailsNamingTheLine() throws Exception {
        // THEN a line without q, and a context that is a string, are refused with their line numbers
        assertThatThrownBy(() -> QuestionFile.read(file("{\"id\":\"x\"}\n"))).hasMessageContaining("line 1")
                .hasMessageContaining("\"q\"");
        assertThatThrownBy(() -> QuestionFile.read(file("{\"q\":\"a\"}\n{\"q\":\"b\",\"context\":\"earlier\"}\n")))
                .hasMessageContaining("line 2").hasMessageContaining("context");
        assertThatThrownBy(() -> QuestionFile.read(file("not json\n"))).hasMessageContaining("line 1");
    }
}
