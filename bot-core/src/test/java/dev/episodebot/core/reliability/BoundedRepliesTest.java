package dev.episodebot.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.bot.BotCore;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.FakeChatServer;
import dev.episodebot.core.testing.HashingEmbeddingModel;
import dev.episodebot.core.testing.TestCores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 3 of the red-team pass, the core's side: an LLM answer is cut at {@code MAX_ANSWER_CHARS}
 * before anything else; titles and file names are shortened and /help names a bounded number of
 * episodes, so a huge front matter or folder cannot make huge core texts; commands share the
 * per-user rate limit with questions.
 */
class BoundedRepliesTest {

    @TempDir
    Path temp;

    private static BotReply handle(BotCore core, BotCommand command, String user, String text) {
        return core.bot().handle(command, new BotRequest("chat-" + user, user, Platform.TELEGRAM, text));
    }

    @Test
    void aHugeLlmAnswerIsCutAtMaxAnswerChars() {
        // GIVEN an LLM that answers one question with a megabyte, and MAX_ANSWER_CHARS=1500
        try (FakeChatServer llm = FakeChatServer.start()) {
            llm.otherwise(FakeChatServer.Reply.text("不到 15 人 [L114]。" + "很长的回答。".repeat(180_000)));
            Map<String, String> env = new HashMap<>(llm.openAiEnv("10s"));
            env.put("MAX_ANSWER_CHARS", "1500");
            env.put("EMBEDDING_MODEL", "bge-small-zh");
            EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(temp));
            try (BotCore core = TestCores.create(TestCores.config(temp, env),
                    spec -> new HashingEmbeddingModel(spec.dimension()), Clock.systemUTC())) {
                core.refresh(IndexingListener.none());

                // WHEN it is asked
                BotReply reply = handle(core, BotCommand.ASK, "7", "Reka 的技术团队有多少人？");

                // THEN the answer is the LLM's, cut to at most 1500 characters, still with its citation
                assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
                assertThat(reply.lead()).startsWith("不到 15 人 [1]。").endsWith("…");
                assertThat(reply.lead().length()).isLessThanOrEqualTo(1500);
                assertThat(reply.citations()).isNotEmpty();
            }
        }
    }

    @Test
    void hugeTitlesAndManyFilesMakeBoundedCommandTexts() {
        // GIVEN one file with a 600,000-character title and 30 more episodes with long names
        Path knowledge = TestCores.knowledgeDir(temp);
        EpisodeFiles.copyEpisodeTo(knowledge);
        EpisodeFiles.write(knowledge, "huge-title.txt", "title: " + "巨大的标题".repeat(120_000) + "\n正文只有一行\n");
        for (int i = 0; i < 30; i++) {
            EpisodeFiles.write(knowledge, "season/" + "long-file-name-".repeat(15) + i + ".txt",
                    "title: 第 " + i + " 期节目\n第 " + i + " 期的正文\n");
        }
        try (BotCore core = TestCores.hashing(temp, Map.of())) {
            core.refresh(IndexingListener.none());

            // WHEN /help, /sources and /status are asked
            BotReply help = handle(core, BotCommand.HELP, "7", "");
            BotReply sources = handle(core, BotCommand.SOURCES, "8", "");
            BotReply status = handle(core, BotCommand.STATUS, "9", "");

            // THEN /help names a few episodes and counts the rest, each title and file name is shortened
            assertThat(help.text().length()).isLessThan(3_000);
            assertThat(help.text()).containsPattern("and \\d+ more episodes").doesNotContain("巨大的标题".repeat(40));
            assertThat(sources.text()).doesNotContain("巨大的标题".repeat(40)).doesNotContain("long-file-name-".repeat(15));
            assertThat(sources.text().length()).isLessThan(32 * 300);
            assertThat(status.text().length()).isLessThan(3_000);
        }
    }

    @Test
    void commandsShareTheRateLimitWithQuestions() {
        // GIVEN RATE_LIMIT_PER_MINUTE=3
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(temp));
        try (BotCore core = TestCores.hashing(temp, Map.of("RATE_LIMIT_PER_MINUTE", "3"))) {
            core.refresh(IndexingListener.none());

            // WHEN one user sends /help, /sources, a question, then /help and /status again
            List<BotReply> replies = List.of(handle(core, BotCommand.HELP, "7", ""),
                    handle(core, BotCommand.SOURCES, "7", ""), handle(core, BotCommand.ASK, "7", "Reka 有多少人？"),
                    handle(core, BotCommand.HELP, "7", ""), handle(core, BotCommand.STATUS, "7", ""));

            // THEN the first three are answered and the rest refused until the minute is over; others are not affected
            assertThat(replies).extracting(BotReply::kind).containsExactly(ReplyKind.HELP, ReplyKind.SOURCES,
                    replies.get(2).grounded() ? ReplyKind.ANSWER : ReplyKind.NOT_COVERED, ReplyKind.REFUSAL,
                    ReplyKind.REFUSAL);
            assertThat(replies.get(3).text()).contains("try again in");
            assertThat(handle(core, BotCommand.HELP, "8", "").kind()).isEqualTo(ReplyKind.HELP);
        }
    }
}
