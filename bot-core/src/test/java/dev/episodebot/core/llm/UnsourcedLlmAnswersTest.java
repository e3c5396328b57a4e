package dev.episodebot.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import dev.episodebot.core.answer.Answer;
import dev.episodebot.core.answer.Messages;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.SharedEmbeddingModels;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 5 of the red-team pass: an LLM answer that cites no line it was given (only
 * {@code [99]}, an invented {@code [L9999]}, or nothing), or whose only cited sentence rests on a
 * quote the transcript does not hold, is not shown as sourced: the transcript quotes go out
 * instead, with a note saying why.
 */
class UnsourcedLlmAnswersTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"大约有九十九个人。[99]", "大约有九十九个人。", "大约有九十九个人。[0]",
            "大约有九十九个人。[L9999]", "大约有九十九个人。[L0-0]", "「Reka 有 99 名员工」[L114]"})
    void anAnswerWithoutAValidCitationFallsBackToTheQuotes(String llmText) {
        // GIVEN an LLM that answers without citing any of the passages it was given
        try (FakeChatServer llm = FakeChatServer.start()) {
            llm.otherwise(FakeChatServer.Reply.text(llmText));
            EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(temp));
            try (BotCore core = TestCores.create(TestCores.config(temp, llm.openAiEnv("5s")),
                    SharedEmbeddingModels.provider(), Clock.systemUTC())) {
                core.refresh(IndexingListener.none());

                // WHEN a question is asked
                Answer answer = core.answerer().answer("Reka 的技术团队有多少人？", List.of());

                // THEN the LLM's text is not shown; the quoted lines are, with their citations and the note
                assertThat(llm.requestCount()).isEqualTo(1);
                assertThat(answer.text()).doesNotContain("九十九").startsWith(Messages.llmUnsourcedNote(Language.ZH));
                assertThat(answer.text()).contains("15");
                assertThat(answer.citations()).isNotEmpty()
                        .allSatisfy(c -> assertThat(answer.text()).contains(c.quote().lines().findFirst().orElseThrow()));
            }
        }
    }
}
