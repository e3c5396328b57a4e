package dev.episodebot.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.FakeChatServer.Reply;
import dev.episodebot.core.testing.SharedEmbeddingModels;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With several episodes, a question about "the episode" as a whole or about the episode itself
 * does not say which one it means: with an LLM it reads every episode's catalogue (opening, key and
 * closing lines); when the LLM fails, the reply asks which episode is meant.
 */
class EpisodeCatalogueTest {

    @TempDir
    Path root;

    private FakeChatServer llm;
    private BotCore core;

    @BeforeEach
    void start() {
        llm = FakeChatServer.start();
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        StringBuilder other = new StringBuilder("title: 另一期节目\n\n");
        for (int i = 1; i <= 400; i++) {
            other.append("第二期的第 ").append(i).append(" 行，讲的是咖啡豆的烘焙和冲煮\n");
        }
        EpisodeFiles.write(TestCores.knowledgeDir(root), "other.txt", other.toString());
        core = TestCores.create(TestCores.config(root, llm.openAiEnv("5s")), SharedEmbeddingModels.provider(),
                Clock.systemUTC());
        core.refresh(IndexingListener.none());
    }

    @AfterEach
    void stop() {
        core.close();
        llm.close();
    }

    @Test
    void anOverviewQuestionReadsTheOpeningAndClosingLinesOfEveryEpisode() {
        // GIVEN an LLM that answers citing the bundled episode's first line (E1 or E2, whichever it is)
        llm.otherwise(Reply.text("这是最佳拍档的节目。[E1 L1] [E2 L1]"));
        List<String> bundled = EpisodeFiles.episodeLines();

        // WHEN an overview question is asked
        Answer answer = core.answerer().answer("这期节目讲了什么？", List.of());

        // THEN one request carries both episodes, each with its first and last line, and not every line
        assertThat(llm.requests()).hasSize(1);
        String user = llm.requests().get(0).userMessage();
        assertThat(user).contains("title=\"另一期节目\"").contains("\nL1 " + bundled.get(0) + "\n")
                .contains("第二期的第 1 行").contains("第二期的第 400 行").doesNotContain("第二期的第 200 行")
                .contains("\n…\n");
        int last = bundled.size();
        while (bundled.get(last - 1).isBlank()) {
            last--;
        }
        assertThat(user).contains("\nL" + last + " " + bundled.get(last - 1) + "\n");
        // AND the model's answer is the reply, cited to that line
        assertThat(answer.reply().kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(answer.reply().citations()).isNotEmpty();
    }

    @Test
    void whenTheLlmFailsAnOverviewQuestionAsksWhichEpisodeIsMeant() {
        // GIVEN an LLM that fails
        llm.otherwise(Reply.status(503, "overloaded"));

        // WHEN an overview question is asked
        Answer answer = core.answerer().answer("这期节目讲了什么？", List.of());

        // THEN the reply names the episodes to choose from, as without an LLM
        assertThat(answer.reply().text()).contains("另一期节目").contains(EpisodeFiles.EPISODE);
        assertThat(answer.reply().quotes()).isEmpty();
    }
}
