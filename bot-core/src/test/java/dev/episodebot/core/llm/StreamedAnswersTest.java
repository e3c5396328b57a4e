package dev.episodebot.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.answer.Messages;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.FakeChatServer.Reply;
import dev.episodebot.core.testing.LogCapture;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streamed LLM answers ({@code LLM_STREAM=true}, the default) through the real langchain4j streaming
 * clients against {@link FakeChatServer}'s OpenAI server-sent events and Ollama NDJSON: drafts reach
 * the {@code ReplyProgress} while the model writes, and the final reply is the checked one; hostile
 * streams (a made-up quote, invented lines, 1 MB, a slow drip, a cut, bytes that are not UTF-8) never
 * reach the final reply as they are.
 */
class StreamedAnswersTest {

    private static final String QUESTION = "Reka 的技术团队有多少人？";
    private static final String FABRICATED = "Reka 有 500 名员工";

    @TempDir
    Path root;

    private FakeChatServer llm;
    private BotCore core;

    @BeforeEach
    void start() {
        llm = FakeChatServer.start();
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
    }

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
        llm.close();
    }

    private void core(Map<String, String> llmEnv, String... more) {
        Map<String, String> env = new HashMap<>(llmEnv);
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        core = TestCores.hashing(root, env);
        core.refresh(IndexingListener.none());
    }

    private BotReply ask(List<BotReply> drafts) {
        return core.bot().handle(BotCommand.ASK, new BotRequest("c1", "u1", Platform.TELEGRAM, QUESTION), drafts::add);
    }

    static Stream<Arguments> dialects() {
        return Stream.of(Arguments.of("openai"), Arguments.of("ollama"));
    }

    private Map<String, String> env(String dialect, String timeout) {
        return dialect.equals("openai") ? llm.openAiEnv(timeout) : llm.ollamaEnv(timeout);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void draftsGrowWhileTheModelWritesAndTheFinalReplyIsTheCheckedOne(String dialect) {
        // GIVEN a model that streams an answer in five pieces, one of them a quote the transcript does not hold
        core(env(dialect, "10s"));
        llm.otherwise(Reply.stream(Duration.ofMillis(350), "Reka 的技术团队", "不到 15 人 [L114]。", "他还说「" + FABRICATED + "」[L114]。",
                "创业初期", "是一个极为紧张的时期 [L116-117]。"));
        List<BotReply> drafts = new CopyOnWriteArrayList<>();

        // WHEN the question is asked with a progress listener
        BotReply reply = ask(drafts);

        // THEN the request asked for a stream, and the listener saw the text grow, without citation markers
        assertThat(llm.requests()).singleElement().satisfies(r -> assertThat(r.streamed()).isTrue());
        List<String> texts = drafts.stream().map(BotReply::lead).distinct().toList();
        assertThat(texts.size()).isGreaterThanOrEqualTo(2);
        assertThat(texts.get(texts.size() - 1).length()).isGreaterThan(texts.get(0).length());
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain("[L").startsWith("Reka 的技术团队"));
        // AND the made-up quote is never shown, not even in a draft (an open quote waits for its end, then is checked)
        assertThat(texts).noneSatisfy(t -> assertThat(t).contains("500"));
        assertThat(drafts).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(ReplyKind.ANSWER);
            assertThat(d.citations()).isEmpty();
        });
        // AND the final reply is checked: the made-up quote's sentence is gone, citations cover lines 114 and 116-117
        assertThat(reply.lead()).isEqualTo("Reka 的技术团队不到 15 人 [1]。 创业初期是一个极为紧张的时期 [2]。");
        assertThat(reply.text()).doesNotContain("500");
        assertThat(reply.citations()).extracting(c -> c.lineStart() + "-" + c.lineEnd()).containsExactly("114-114",
                "116-117");
    }

    @Test
    void withoutAListenerTheAnswerIsNotStreamed() {
        // GIVEN a streaming-capable configuration
        core(llm.openAiEnv("5s"));
        llm.otherwise(Reply.text("不到 15 人 [L114]。"));

        // WHEN a question is asked without anyone watching (ask, eval)
        BotReply reply = core.bot().ask(new BotRequest("c1", "u1", Platform.TELEGRAM, QUESTION));

        // THEN one ordinary completion is requested
        assertThat(llm.requests()).singleElement().satisfies(r -> assertThat(r.streamed()).isFalse());
        assertThat(reply.lead()).isEqualTo("不到 15 人 [1]。");
    }

    @Test
    void llmStreamFalseNeverStreams() {
        // GIVEN LLM_STREAM=false
        core(llm.openAiEnv("5s"), "LLM_STREAM", "false");
        llm.otherwise(Reply.text("不到 15 人 [L114]。"));
        List<BotReply> drafts = new CopyOnWriteArrayList<>();

        // WHEN a question is asked with a listener
        BotReply reply = ask(drafts);

        // THEN the answer comes whole, with no drafts
        assertThat(llm.requests()).singleElement().satisfies(r -> assertThat(r.streamed()).isFalse());
        assertThat(drafts).isEmpty();
        assertThat(reply.lead()).isEqualTo("不到 15 人 [1]。");
    }

    @Test
    void aStreamedMegabyteIsCutAtMaxAnswerCharsAndTheStreamIsStopped() {
        // GIVEN a model that streams a 1 MB answer, and MAX_ANSWER_CHARS=1000
        core(llm.openAiEnv("20s"), "MAX_ANSWER_CHARS", "1000");
        String huge = "不到 15 人 [L114]。" + "很长".repeat(500_000);
        llm.otherwise(Reply.drip(huge, 4_000, Duration.ZERO));
        List<BotReply> drafts = new CopyOnWriteArrayList<>();

        // WHEN the question is asked
        BotReply reply = ask(drafts);

        // THEN no draft and not the final lead is longer than the limit
        assertThat(reply.lead().length()).isLessThanOrEqualTo(1000);
        assertThat(drafts).allSatisfy(d -> assertThat(d.lead().length()).isLessThanOrEqualTo(1000));
        assertThat(reply.citations()).extracting(c -> c.lineStart()).containsExactly(114);
    }

    @Test
    void aSlowDripPastTheBudgetGivesTheExtractiveAnswerWithinTheTimeout() {
        // GIVEN LLM_TIMEOUT=2s and a model that writes one piece every 400 ms, 20 pieces in all
        core(llm.openAiEnv("2s"));
        llm.otherwise(Reply.drip("慢慢地说".repeat(20), 4, Duration.ofMillis(400)));
        List<BotReply> drafts = new CopyOnWriteArrayList<>();

        // WHEN the question is asked
        long started = System.nanoTime();
        BotReply reply = ask(drafts);
        long elapsed = (System.nanoTime() - started) / 1_000_000;

        // THEN drafts came, but the answer is the extractive one with the note, within the timeout plus a margin
        assertThat(drafts).isNotEmpty();
        assertThat(reply.notes()).containsExactly(Messages.llmFallbackNote(Language.ZH));
        assertThat(reply.text()).doesNotContain("慢慢地说");
        assertThat(elapsed).isLessThan(2_000 + 3_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void aStreamCutMidwayGivesTheExtractiveAnswerWithTheNote(String dialect) {
        // GIVEN a model whose stream breaks off after two pieces
        core(env(dialect, "5s"));
        llm.otherwise(Reply.cutStream("Reka 的技术团队", "不到 15 人 [L11"));

        // WHEN the question is asked
        BotReply reply = ask(new CopyOnWriteArrayList<>());

        // THEN the half answer is not given as the answer: the extractive one is, with a note
        assertThat(reply.notes()).hasSize(1);
        assertThat(reply.lead()).doesNotContain("Reka 的技术团队不到");
        assertThat(reply.citations()).isNotEmpty();
    }

    @Test
    void bytesThatAreNotUtf8InAStreamNeverReachTheReplyAsControlCharacters() {
        // GIVEN a stream with a piece of bytes that are not UTF-8 between two good pieces
        core(llm.openAiEnv("5s"));
        llm.otherwise(Reply.invalidUtf8Stream("Reka 的技术团队", "不到 15 人 [L114]。"));

        // WHEN the question is asked
        BotReply reply = ask(new CopyOnWriteArrayList<>());

        // THEN the bot still answers, from the good pieces, with the citation
        assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(reply.citations()).extracting(c -> c.lineStart()).contains(114);
        assertThat(reply.lead()).contains("不到 15 人").doesNotContain("\u0000");
    }

    @Test
    void aFabricatedQuoteIsRemovedAndLogged() {
        // GIVEN a model whose only quote is not in the transcript, beside a true, cited sentence
        core(llm.openAiEnv("5s"));
        llm.otherwise(Reply.text("团队不到 15 人 [L114]。他说「" + FABRICATED + "」[L114]。"));

        // WHEN the question is asked, the LLM step's log captured
        BotReply reply;
        String logged;
        try (LogCapture logs = LogCapture.of(LlmAnswerer.class)) {
            reply = ask(new CopyOnWriteArrayList<>());
            logged = logs.everything();
        }

        // THEN the reply keeps the true sentence and loses the made-up quote, which is logged
        assertThat(reply.lead()).isEqualTo("团队不到 15 人 [1]。");
        assertThat(reply.text()).doesNotContain("500");
        assertThat(logged).contains(FABRICATED);
    }

    @Test
    void notInEpisodeIsNeverShownAsADraft() {
        // GIVEN a model that streams its "not in the episode" answer in pieces
        core(llm.openAiEnv("5s"));
        llm.otherwise(Reply.stream(Duration.ofMillis(250), "NOT_", "IN_", "EPISODE"));
        List<BotReply> drafts = new CopyOnWriteArrayList<>();

        // WHEN the question is asked
        BotReply reply = ask(drafts);

        // THEN no draft showed any of it, and the reply says the episode does not cover it
        assertThat(drafts).isEmpty();
        assertThat(reply.kind()).isEqualTo(ReplyKind.NOT_COVERED);
    }
}
