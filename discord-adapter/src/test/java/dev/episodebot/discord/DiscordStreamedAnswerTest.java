package dev.episodebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.config.Env;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.FakeChatServer.Reply;
import dev.episodebot.core.testing.TestCores;
import dev.episodebot.discord.fake.FakeDiscordServer;
import dev.episodebot.discord.fake.FakeDiscordServer.RestCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed LLM answer on Discord, end to end: the real core with the real langchain4j streaming
 * client against {@link FakeChatServer}'s server-sent events, the real JDA client against
 * {@link FakeDiscordServer}. The deferred reply (or the thread message) is edited while the model
 * writes, then holds the checked final answer: the cited line's citation, the vote buttons, and not
 * the quote the model made up.
 */
class DiscordStreamedAnswerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String QUESTION = "Reka 的技术团队有多少人？";

    @TempDir
    Path root;

    private FakeChatServer llm;
    private FakeDiscordServer discord;
    private BotCore core;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        llm = FakeChatServer.start();
        // the model writes for about 5 s, citing line 114 and inventing a quote along the way
        llm.otherwise(Reply.streamWithInventedQuote(Duration.ofMillis(500)));
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        core = TestCores.hashing(root, llm.openAiEnv("30s"));
        core.refresh(IndexingListener.none());
        discord = FakeDiscordServer.start(0);
        Map<String, String> env = new HashMap<>(Map.of(
                DiscordConfig.TOKEN, FakeDiscordServer.TOKEN,
                DiscordConfig.GUILD_ID, FakeDiscordServer.GUILD_ID,
                DiscordConfig.REST_URL, discord.restUrl().toString(),
                DiscordConfig.GATEWAY_URL, discord.gatewayUrl().toString()));
        adapter = new DiscordAdapter(DiscordConfig.from(new Env(env)).withTimeouts(Duration.ofSeconds(10), TIMEOUT),
                core.bot(), core.feedback());
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        discord.close();
        core.close();
        llm.close();
    }

    @Test
    void aSlashCommandShowsTheAnswerWhileItIsWrittenThenTheCheckedOne() throws Exception {
        // WHEN a user runs /ask
        String token = discord.sendSlashCommand("ask", Map.of("question", QUESTION), FakeDiscordServer.USER_ID);

        // THEN the deferred reply is edited with drafts, then with the final answer (the one with vote buttons)
        List<RestCall> edits = editsUntilFinal("PATCH",
                "/api/v10/webhooks/" + FakeDiscordServer.APPLICATION_ID + "/" + token + "/messages/@original");
        assertStreamedThenChecked(edits);
    }

    @Test
    void aMentionInAThreadShowsTheAnswerInOneMessageEditedWhileItIsWritten() throws Exception {
        // WHEN a user mentions the bot with the question (a thread is started on the message)
        String messageId = discord.sendGuildMessage(FakeDiscordServer.CHANNEL_ID,
                "<@" + FakeDiscordServer.BOT_ID + "> " + QUESTION, FakeDiscordServer.USER_ID, true);

        // THEN one message is sent in the thread, then edited with drafts, then with the final answer
        RestCall first = discord.awaitCall("POST", "/api/v10/channels/" + messageId + "/messages", TIMEOUT);
        List<RestCall> edits = new ArrayList<>(List.of(first));
        edits.addAll(editsUntilFinal("PATCH", "/api/v10/channels/" + messageId + "/messages/\\d+"));
        assertStreamedThenChecked(edits);
        assertThat(discord.calls()).filteredOn(c -> c.method().equals("POST")
                && c.path().equals("/api/v10/channels/" + messageId + "/messages")).hasSize(1);
    }

    /** The calls to {@code path} in order, up to the one that carries vote buttons (the final answer). */
    private List<RestCall> editsUntilFinal(String method, String path) throws InterruptedException {
        List<RestCall> calls = new ArrayList<>();
        for (int n = 1; ; n++) {
            RestCall call = discord.awaitCall(method, path, n, TIMEOUT);
            calls.add(call);
            if (call.body().contains("fb:u:")) {
                return calls;
            }
        }
    }

    private static void assertStreamedThenChecked(List<RestCall> calls) {
        List<String> contents = calls.stream().map(c -> c.json().getString("content")).toList();
        List<String> drafts = contents.subList(0, contents.size() - 1);
        String last = contents.get(contents.size() - 1);
        // at least two progressive drafts: each differs from the one before, and the text grows
        assertThat(drafts.size()).isGreaterThanOrEqualTo(2);
        for (int i = 1; i < drafts.size(); i++) {
            assertThat(drafts.get(i)).isNotEqualTo(drafts.get(i - 1));
        }
        assertThat(drafts.get(drafts.size() - 1).length()).isGreaterThan(drafts.get(0).length());
        assertThat(drafts).allSatisfy(d -> assertThat(d).startsWith("Reka 的技术团队").doesNotContain("[L"));
        // the final message cites the line the model cited, and the invented quote is in no message
        assertThat(last).contains("不到 15 人").contains("第 114 行");
        assertThat(contents).allSatisfy(c -> assertThat(c).doesNotContain("500").hasSizeLessThanOrEqualTo(2000));
    }
}
