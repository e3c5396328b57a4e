package dev.episodebot.core.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.Section;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Section titles and the summary written by the LLM: the real langchain4j OpenAI client against a
 * {@link FakeChatServer} on 127.0.0.1; cached by content hash, model and language; the extractive
 * outline whenever the model fails or is too slow.
 */
class LlmOutlineTest {

    private static final String SUMMARY_ZH = "Yi Tay 在创业二十个月后回到 Google DeepMind。他联合创立的 Reka 做出了有竞争力的模型。"
            + "但 AI 研发成本太高，Reka 资金不足，Snowflake 的收购也告吹。节目最后谈到人才回流大厂的趋势。";
    private static final String SUMMARY_EN = "Yi Tay returns to Google DeepMind after twenty months at his start-up Reka. "
            + "Reka built competitive models with a small team. Training models proved too expensive and a Snowflake deal "
            + "fell through. The episode ends on talent flowing back to big companies.";

    @TempDir
    Path root;

    private FakeChatServer llm;
    private BotCore core;

    @BeforeEach
    void startServer() {
        llm = FakeChatServer.start();
    }

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
        llm.close();
    }

    private void startCore(String timeout) {
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        core = TestCores.hashing(root, llm.openAiEnv(timeout));
        core.refresh(IndexingListener.none());
    }

    private BotReply handle(BotCommand command, String locale) {
        return core.bot().handle(command, new BotRequest("c-1", "u-1", Platform.TELEGRAM, "", locale, true));
    }

    private static String reply(int sections, String title, String summary) {
        StringBuilder sb = new StringBuilder("TITLES:\n");
        for (int s = 1; s <= sections; s++) {
            sb.append(s).append(". ").append(title).append(' ').append(s).append('\n');
        }
        return sb.append("SUMMARY: ").append(summary).toString();
    }

    @Test
    void theModelsTitlesAndSummaryAreShownInTheAskersLanguageAndWrittenOncePerLanguage() {
        // GIVEN an LLM that writes titles and a summary
        startCore("10s");
        int sections = core.overviews().outlineOf("").orElseThrow().sections().size();
        llm.enqueue(FakeChatServer.Reply.text(reply(sections, "模型标题", SUMMARY_ZH)));
        llm.enqueue(FakeChatServer.Reply.text(reply(sections, "Model title", SUMMARY_EN)));

        // WHEN a Chinese user asks for the summary, then the outline
        BotReply summary = handle(BotCommand.SUMMARY, "zh-hans");
        BotReply outline = handle(BotCommand.OUTLINE, "zh-hans");

        // THEN the summary is the model's, with the transcript's lines after it as sources
        assertThat(summary.lead()).contains(SUMMARY_ZH);
        assertThat(summary.citations()).hasSizeBetween(3, 6);
        // AND the outline's sections carry the model's titles, still citing their lines
        assertThat(outline.sections()).extracting(Section::title).allMatch(t -> t.contains("模型标题"));
        assertThat(outline.citations()).hasSize(sections);
        // AND the model was asked once, in Chinese, for four to six sentences from the numbered lines
        assertThat(llm.requestCount()).isEqualTo(1);
        FakeChatServer.Recorded request = llm.requests().get(0);
        assertThat(request.systemMessage()).contains("Simplified Chinese", "four to six sentences");
        assertThat(request.userMessage()).contains("<sections>", "L187 美国云计算数据服务公司 Snowflake");

        // WHEN an English user asks, twice
        BotReply english = handle(BotCommand.SUMMARY, "en-GB");
        handle(BotCommand.SUMMARY, "en-GB");

        // THEN they get the English summary, written by one more call, then from the cache
        assertThat(english.lead()).contains(SUMMARY_EN);
        assertThat(llm.requestCount()).isEqualTo(2);
        assertThat(llm.requests().get(1).systemMessage()).contains("Write in English");
    }

    @Test
    void whenTheModelFailsTheExtractiveSummaryAndOutlineAreShownWithANote() {
        // GIVEN an LLM that answers every call with HTTP 500
        startCore("10s");
        llm.otherwise(FakeChatServer.Reply.status(500, "boom"));
        Outline extractive = core.overviews().outlineOf("").orElseThrow();

        // WHEN a user asks for the summary and the outline
        BotReply summary = handle(BotCommand.SUMMARY, "zh-hans");
        BotReply outline = handle(BotCommand.OUTLINE, "zh-hans");

        // THEN both come from the transcript, saying the model is unavailable
        assertThat(summary.notes()).isNotEmpty();
        assertThat(summary.citations()).extracting(c -> c.lineStart())
                .containsExactlyElementsOf(extractive.summary().stream().map(Outline.KeyLine::line).toList());
        assertThat(outline.sections()).hasSameSizeAs(extractive.sections());
        assertThat(outline.sections().get(0).title()).contains(extractive.sections().get(0).title());
        assertThat(outline.notes()).isNotEmpty();
    }

    @Test
    void whenTheModelIsTooSlowTheExtractiveSummaryComesWithinTheBudget() {
        // GIVEN an LLM that never answers, and a one-second budget
        startCore("1s");
        llm.otherwise(FakeChatServer.Reply.hang());

        // WHEN a user asks what the episode is about
        long started = System.nanoTime();
        BotReply reply = core.bot().handle(BotCommand.ASK,
                new BotRequest("c-2", "u-2", Platform.TELEGRAM, "What is this episode about?"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // THEN the extractive summary comes, framed in English, soon after the budget ran out
        assertThat(reply.text()).contains("This episode", "/outline");
        assertThat(reply.citations()).hasSizeBetween(3, 6);
        assertThat(reply.notes()).isNotEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(List.of(llm.requestCount())).allMatch(n -> n >= 1);
    }
}
