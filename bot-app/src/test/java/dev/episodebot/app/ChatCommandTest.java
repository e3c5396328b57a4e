package dev.episodebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.answer.Messages;
import dev.episodebot.core.Language;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code episode-bot chat}: a console conversation read from standard input. */
class ChatCommandTest {

    @TempDir
    Path root;

    @Test
    void chatAnswersCommandsAndQuestionsWithMemoryUntilQuit() {
        // GIVEN the episode and a scripted console session
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        String session = String.join("\n", "/help", "Reka 的技术团队有多少人？", "/status", "/new", "/status", "/quit",
                "this line is never read") + "\n";

        // WHEN chat runs on it
        Cli.Result result = Cli.runWithInput(TestCores.env(root, Map.of()), session, "chat");
        String out = result.out();

        // THEN it greets, shows help naming the episode, answers, remembers the conversation and forgets it on /new
        assertThat(result.exitCode()).isZero();
        assertThat(out).startsWith("Ask about the episode. /help for commands, /quit to leave.");
        assertThat(out).contains("I answer questions about: episode-yi-tay-returns-to-google.");
        assertThat(out).contains("15");
        int firstStatus = out.indexOf("Conversations in memory: 1");
        int forgotten = out.indexOf("OK, starting a new conversation.");
        int secondStatus = out.indexOf("Conversations in memory: 0");
        assertThat(firstStatus).isPositive();
        assertThat(forgotten).isGreaterThan(firstStatus);
        assertThat(secondStatus).isGreaterThan(forgotten);
        // AND it handled five lines, each reply followed by a blank line and a prompt, and stopped at /quit
        assertThat(out.split("\n\n> ", -1).length - 1).as("replies before /quit").isEqualTo(5);
        assertThat(out).endsWith("\n\n> ");
    }

    @Test
    void chatRunsOutlineSummaryAndSearchAndAnswersWhatTheEpisodeIsAbout() {
        // GIVEN the episode and a console session with the overview commands
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        String session = String.join("\n", "/outline", "/summary", "/search Snowflake", "what is this episode about?",
                "/quit") + "\n";

        // WHEN chat runs on it (the hashing model: the outline does not depend on vectors)
        Cli.Result result = Cli.runWithInput(TestCores.env(root, Map.of("EMBEDDING_MODEL", "bge-small-zh-q")), session, "chat");
        String out = result.out();

        // THEN the outline lists its sections, the summary its lines, search both Snowflake lines with citations
        assertThat(result.exitCode()).isZero();
        assertThat(out).containsPattern("Outline of “episode-yi-tay-returns-to-google” \\((\\d+) sections\\)");
        assertThat(out).contains("in a few lines:", "Keywords", "Names mentioned");
        assertThat(out).contains("2 lines contain “Snowflake”:", "episode-yi-tay-returns-to-google.txt · line 187",
                "episode-yi-tay-returns-to-google.txt · line 189");
        // AND the free-text overview question gets the summary framed in English, pointing to /outline
        assertThat(out).contains("This episode, “episode-yi-tay-returns-to-google”, is about the following", "/outline");
        assertThat(out.split("\n\n> ", -1).length - 1).as("replies before /quit").isEqualTo(4);
    }

    @Test
    void chatEndsAtTheEndOfInput() {
        // GIVEN an empty knowledge folder and input that ends without /quit
        Cli.Result result = Cli.runWithInput(TestCores.env(root, Map.of("EMBEDDING_MODEL", "bge-small-zh-q")),
                "What is the episode about?\n", "chat");

        // THEN the question gets the no-knowledge reply and chat exits 0 at end of input
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(Messages.noKnowledge(Language.EN));
    }
}
