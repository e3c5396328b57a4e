package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Platform;
import dev.episodebot.core.Vote;
import dev.episodebot.core.index.IndexingListener;
import dev.episodebot.core.testing.EpisodeFiles;
import dev.episodebot.core.testing.MutableClock;
import dev.episodebot.core.testing.SharedEmbeddingModels;
import dev.episodebot.core.testing.TestCores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 👍/👎 votes on answers are stored as JSON lines under DATA_DIR. */
class FeedbackTest {

    private static final String REKA_TEAM = "Reka 的技术团队有多少人？";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.atNewYear2025();
    private BotCore core;

    @BeforeEach
    void start() {
        EpisodeFiles.copyEpisodeTo(TestCores.knowledgeDir(root));
        core = TestCores.create(TestCores.config(root), SharedEmbeddingModels.provider(), clock);
        core.refresh(IndexingListener.none());
    }

    @AfterEach
    void close() {
        core.close();
    }

    private Path feedbackFile() {
        return root.resolve("data").resolve("feedback.jsonl");
    }

    private List<JsonNode> records() throws Exception {
        return Files.readAllLines(feedbackFile(), StandardCharsets.UTF_8).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    @Test
    void aVoteIsOneJsonLineWithQuestionAnswerCitationsUserAndTime() throws Exception {
        // GIVEN an answer given in a Telegram chat
        BotReply reply = core.bot().ask(new BotRequest("chat-9", "41", Platform.TELEGRAM, REKA_TEAM));

        // WHEN another user votes it up a little later
        clock.advance(Duration.ofMinutes(3));
        boolean recorded = core.feedback().record(reply.id(), Platform.TELEGRAM, "42", Vote.UP);

        // THEN one JSON line holds everything needed to judge the answer
        assertThat(recorded).isTrue();
        List<JsonNode> records = records();
        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.path("replyId").asText()).isEqualTo(reply.id());
        assertThat(record.path("question").asText()).isEqualTo(REKA_TEAM);
        assertThat(record.path("answer").asText()).isEqualTo(reply.text());
        assertThat(record.path("grounded").asBoolean()).isTrue();
        assertThat(record.path("vote").asText()).isEqualTo("up");
        assertThat(record.path("userId").asText()).isEqualTo("42");
        assertThat(record.path("platform").asText()).isEqualTo("telegram");
        assertThat(record.path("conversationId").asText()).isEqualTo("chat-9");
        assertThat(record.path("time").asText()).isEqualTo(clock.instant().toString());
        assertThat(record.path("citations")).hasSize(reply.citations().size());
        Citation first = reply.citations().get(0);
        assertThat(record.path("citations").get(0).path("source").asText()).isEqualTo(first.source());
        assertThat(record.path("citations").get(0).path("lineStart").asInt()).isEqualTo(first.lineStart());
        assertThat(record.path("citations").get(0).path("lineEnd").asInt()).isEqualTo(first.lineEnd());
    }

    @Test
    void everyVoteAddsItsOwnLine() throws Exception {
        // GIVEN an answer
        BotReply reply = core.bot().ask(new BotRequest("chat-1", "1", Platform.DISCORD, REKA_TEAM));

        // WHEN two users vote, one up and one down
        core.feedback().record(reply.id(), Platform.DISCORD, "1", Vote.UP);
        core.feedback().record(reply.id(), Platform.DISCORD, "2", Vote.DOWN);

        // THEN there are two lines, in order
        assertThat(records()).extracting(r -> r.path("vote").asText()).containsExactly("up", "down");
    }

    @Test
    void aUsersSecondVoteOnTheSameAnswerReplacesTheFirst() throws Exception {
        // GIVEN an answer two users vote on
        BotReply reply = core.bot().ask(new BotRequest("chat-2", "1", Platform.TELEGRAM, REKA_TEAM));
        core.feedback().record(reply.id(), Platform.TELEGRAM, "1", Vote.UP);
        core.feedback().record(reply.id(), Platform.TELEGRAM, "2", Vote.DOWN);

        // WHEN the first user changes their mind, then presses the same button twice
        clock.advance(Duration.ofMinutes(1));
        assertThat(core.feedback().record(reply.id(), Platform.TELEGRAM, "1", Vote.DOWN)).isTrue();
        assertThat(core.feedback().record(reply.id(), Platform.TELEGRAM, "1", Vote.DOWN)).isTrue();

        // THEN one vote per user is stored, the first user's being the latest, in its place
        List<JsonNode> records = records();
        assertThat(records).extracting(r -> r.path("userId").asText() + ":" + r.path("vote").asText())
                .containsExactly("1:down", "2:down");
        assertThat(records.get(0).path("time").asText()).isEqualTo(clock.instant().toString());

        // AND the same user id on another platform is another voter
        core.feedback().record(reply.id(), Platform.DISCORD, "1", Vote.UP);
        assertThat(records()).hasSize(3);
        assertThat(root.resolve("data")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aVoteOnAnUnknownReplyIsNotRecorded() {
        // GIVEN no answer with that id
        // WHEN votes arrive for an unknown id and for a non-answer reply (no id)
        boolean unknown = core.feedback().record("0123456789abcdef", Platform.TELEGRAM, "42", Vote.DOWN);
        boolean missing = core.feedback().record(null, Platform.TELEGRAM, "42", Vote.DOWN);

        // THEN nothing is recorded
        assertThat(unknown).isFalse();
        assertThat(missing).isFalse();
        assertThat(feedbackFile()).doesNotExist();
    }
}
