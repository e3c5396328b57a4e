package dev.episodebot.core.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.Section;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.embedding.EmbeddingModelSpec;
import dev.episodebot.core.embedding.TokenCounter;
import dev.episodebot.core.index.EpisodeRecord;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.knowledge.TranscriptLine;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        startCore(llm.openAiEnv(timeout));
    }

    private void startCore(Map<String, String> env) {
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        core = TestCores.hashing(root, env);
        core.refresh(IndexingListener.none());
    }

    /** The LLM settings with a transcript budget of {@code tokens} (the bundled episode takes about 3,500). */
    private Map<String, String> withContextTokens(int tokens) {
        Map<String, String> env = new HashMap<>(llm.openAiEnv("20s"));
        env.put("LLM_CONTEXT_TOKENS", Integer.toString(tokens));
        return env;
    }

    /** The line numbers a prompt's {@code <transcript>} shows ({@code L113 …}), in order. */
    private static List<Integer> numberedLines(String transcript) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^L(\\d+) ").matcher(transcript);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }

    private static String transcriptOf(String userMessage) {
        int from = userMessage.indexOf("<transcript>");
        int to = userMessage.indexOf("</transcript>");
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return userMessage.substring(from, to + "</transcript>".length());
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
        assertThat(request.userMessage()).contains("<sections>", "Section 1: L", "<transcript>",
                "L187 美国云计算数据服务公司 Snowflake");
        EpisodeRecord episode = core.knowledge().index().episodes().get(0);
        assertThat(numberedLines(transcriptOf(request.userMessage())))
                .containsExactlyElementsOf(episode.lines().stream().map(TranscriptLine::lineNumber).toList());

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

    @Test
    void anEpisodeLongerThanTheBudgetIsSummarisedPartByPartThenCombined() {
        // GIVEN a transcript budget of 1,500 tokens, less than half the bundled episode
        int budget = 1_500;
        startCore(withContextTokens(budget));
        int sections = core.overviews().outlineOf("").orElseThrow().sections().size();
        llm.otherwise(FakeChatServer.Reply.text(reply(sections, "模型标题", SUMMARY_ZH)));

        // WHEN a user asks for the summary
        BotReply summary = handle(BotCommand.SUMMARY, "zh-hans");

        // THEN the model read the episode in parts, then combined their summaries
        List<FakeChatServer.Recorded> requests = llm.requests();
        assertThat(requests.size()).isGreaterThanOrEqualTo(4); // at least three parts, and the combination
        List<FakeChatServer.Recorded> parts = requests.subList(0, requests.size() - 1);
        List<Integer> shown = new ArrayList<>();
        try (TokenCounter tokens = new TokenCounter(EmbeddingModelSpec.BGE_SMALL_ZH_V15_Q)) {
            for (FakeChatServer.Recorded part : parts) {
                // AND each part holds sections and numbered lines, within the budget
                String transcript = transcriptOf(part.userMessage());
                assertThat(part.userMessage()).startsWith("<sections>\nSection ");
                assertThat(tokens.applyAsInt(transcript)).isLessThanOrEqualTo(budget);
                List<Integer> lines = numberedLines(transcript);
                assertThat(lines).isNotEmpty();
                shown.addAll(lines);
            }
        }
        // AND together the parts hold every line of the episode once, in order
        EpisodeRecord episode = core.knowledge().index().episodes().get(0);
        assertThat(shown).containsExactlyElementsOf(episode.lines().stream().map(TranscriptLine::lineNumber).toList());
        // AND the last call combines one summary per part
        String combination = requests.get(requests.size() - 1).userMessage();
        assertThat(combination).startsWith("<summaries>").contains("Part " + parts.size() + ": ")
                .doesNotContain("Part " + (parts.size() + 1) + ": ").doesNotContain("<transcript>");
        assertThat(summary.lead()).contains(SUMMARY_ZH);
        assertThat(summary.notes()).isEmpty();
    }

    @Test
    void whenOnePartFailsTheExtractiveOutlineIsShown() {
        // GIVEN an episode read in parts, and a model that answers the first two and then fails
        startCore(withContextTokens(1_500));
        Outline extractive = core.overviews().outlineOf("").orElseThrow();
        int sections = extractive.sections().size();
        llm.enqueue(FakeChatServer.Reply.text(reply(sections, "模型标题", SUMMARY_ZH)));
        llm.enqueue(FakeChatServer.Reply.text(reply(sections, "模型标题", SUMMARY_ZH)));
        llm.otherwise(FakeChatServer.Reply.status(500, "boom"));

        // WHEN a user asks for the outline
        BotReply outline = handle(BotCommand.OUTLINE, "zh-hans");

        // THEN the extractive titles are shown, with a note that the model is unavailable
        assertThat(llm.requestCount()).isGreaterThanOrEqualTo(3);
        assertThat(outline.notes()).isNotEmpty();
        assertThat(outline.sections()).hasSameSizeAs(extractive.sections());
        assertThat(outline.sections()).extracting(Section::title).noneMatch(t -> t.contains("模型标题"));
    }
}
