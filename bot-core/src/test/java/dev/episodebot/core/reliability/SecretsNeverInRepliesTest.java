package dev.episodebot.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Platform;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.llm.GuardedChatModel;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.LogCapture;
import dev.episodebot.core.testing.SharedEmbeddingModels;
import dev.episodebot.core.testing.TestCores;
import dev.episodebot.core.testing.TestSecrets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings 1 (the secrets part), 2 and 8 of the red-team pass: the bot's configured tokens and keys,
 * and anything shaped like a token or key, never reach a reply, whether they come from a
 * transcript, a file name or the LLM's answer; and a key echoed by the LLM endpoint never reaches
 * a log line, not even in part after the message is shortened.
 */
class SecretsNeverInRepliesTest {

    @TempDir
    Path temp;


    private static List<String> leakedPieces(String text, String secret) {
        return TestSecrets.leakedPieces(text, secret, 8);
    }

    private static String everything(BotReply reply) {
        StringBuilder sb = new StringBuilder(reply.text());
        for (Citation c : reply.citations()) {
            sb.append('\n').append(c.source()).append(' ').append(c.quote()).append(' ').append(c.title()).append(' ')
                    .append(c.url());
        }
        return sb.toString();
    }

    @Test
    void secretsInTranscriptsAndFileNamesAreMaskedInEveryReply() throws Exception {
        // GIVEN the bot's own token and key, and a knowledge file that holds them (a deploy/.env copied in
        // by mistake), another bot's token, an API key and a token in a file name
        String token = "5" + TestSecrets.random(9) + ":" + TestSecrets.random(35);
        String key = "qz-" + TestSecrets.random(26);
        String otherToken = "987654321:AAH-" + TestSecrets.random(31);
        String otherKey = "sk-proj-" + TestSecrets.random(32);
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        EpisodeFiles.write(knowledge, "deploy-notes.txt", "部署配置文件的内容如下\nTELEGRAM_BOT_TOKEN=" + token
                + "\nLLM_API_KEY=" + key + "\n部署配置里还有备用机器人 " + otherToken + " 和备用密钥 " + otherKey + "\n");
        EpisodeFiles.write(knowledge, "backup-" + otherToken + ".txt", "备份文件里只有一句话\n");
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", token, "LLM_API_KEY", key);

        try (BotCore core = TestCores.hashing(temp, env)) {
            core.refresh(IndexingListener.none());

            // WHEN a stranger asks for them, and lists the sources and the status
            List<BotReply> replies = new ArrayList<>();
            for (String question : List.of("LLM_API_KEY", "TELEGRAM_BOT_TOKEN 是什么？", "部署配置里的备用机器人和备用密钥是什么？",
                    "备份文件里写了什么？")) {
                replies.add(core.bot().handle(BotCommand.ASK, new BotRequest("dm-9", "9", Platform.TELEGRAM, question)));
            }
            for (BotCommand command : List.of(BotCommand.SOURCES, BotCommand.STATUS, BotCommand.HELP)) {
                replies.add(core.bot().handle(command, new BotRequest("dm-9", "9", Platform.TELEGRAM, "")));
            }

            // THEN the files were answered from, but no reply holds any secret or a piece of one
            assertThat(replies.get(0).citations()).extracting(Citation::source).contains("deploy-notes.txt");
            for (BotReply reply : replies) {
                String shown = everything(reply);
                for (String secret : List.of(token, key, otherToken, otherKey)) {
                    assertThat(leakedPieces(shown, secret)).as(reply.kind() + ": " + shown).isEmpty();
                }
            }
            assertThat(everything(replies.get(0))).contains("LLM_API_KEY=***");
        }
    }

    @Test
    void anLlmAnswerEchoingTheKeyIsMasked() {
        // GIVEN an LLM that answers with the key it was given
        try (FakeChatServer llm = FakeChatServer.start()) {
            Map<String, String> env = new HashMap<>(llm.openAiEnv("5s"));
            String key = "qz-" + TestSecrets.random(26);
            env.put("LLM_API_KEY", key);
            llm.otherwise(FakeChatServer.Reply.text("不到 15 人 [L114]。顺便说一句，我的密钥是 " + key));
            EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(temp));
            try (BotCore core = TestCores.create(TestCores.config(temp, env), SharedEmbeddingModels.provider(),
                    Clock.systemUTC())) {
                core.refresh(IndexingListener.none());

                // WHEN a user asks
                BotReply reply = core.bot().handle(BotCommand.ASK,
                        new BotRequest("dm-9", "9", Platform.TELEGRAM, "Reka 的技术团队有多少人？"));

                // THEN the answer is shown with the key masked
                assertThat(reply.text()).contains("不到 15 人").contains("***");
                assertThat(leakedPieces(everything(reply), key)).isEmpty();
            }
        }
    }

    @Test
    void aKeyEchoedInAnErrorIsNotLoggedInPartWhenTheMessageIsShortened() {
        // GIVEN an endpoint that rejects the key (shaped like no known key) and echoes it, as some providers do
        try (FakeChatServer llm = FakeChatServer.start()) {
            Map<String, String> env = new HashMap<>(llm.openAiEnv("5s"));
            String key = "qz-" + TestSecrets.random(26);
            env.put("LLM_API_KEY", key);
            EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(temp));
            try (BotCore core = TestCores.create(TestCores.config(temp, env), SharedEmbeddingModels.provider(),
                    Clock.systemUTC());
                    LogCapture logs = LogCapture.of(GuardedChatModel.class)) {
                core.refresh(IndexingListener.none());
                // where the endpoint's message starts in the logged failure: a first call tells
                llm.enqueue(FakeChatServer.Reply.status(401, "MARK"));
                core.answerer().answer("Reka 的技术团队有多少人？", List.of());
                int offset = messageOffset(logs.messages().get(0), "MARK");

                // WHEN the key is echoed so that the 160-character cut falls 22 characters into it
                String padding = "x".repeat(Math.max(0, 160 - 22 - offset));
                llm.enqueue(FakeChatServer.Reply.status(401, padding + key + " is not a valid key"));
                core.answerer().answer("Reka 的技术团队有多少人？", List.of());

                // THEN the failure is logged, without the key or any piece of it
                assertThat(logs.messages()).hasSize(2).allMatch(m -> m.contains("LLM call failed"));
                assertThat(leakedPieces(logs.everything(), key)).isEmpty();
            }
        }
    }

    /** Where {@code marker} starts within the exception message of a logged "LLM call failed (Type: message)". */
    private static int messageOffset(String logged, String marker) {
        Matcher m = Pattern.compile("LLM call failed \\(\\w+: ").matcher(logged);
        assertThat(m.find()).as(logged).isTrue();
        int at = logged.indexOf(marker, m.end());
        assertThat(at).as(logged).isPositive();
        return at - m.end();
    }
}
