package dev.episodebot.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import dev.episodebot.core.Platform;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Vote;
import dev.episodebot.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 of the red-team pass: what the bot remembers per answer (the feedback LRU, the
 * conversation memory) is bounded in characters, so the heap stays flat whatever the size of the
 * answers. Counted in characters held, not timed.
 */
class MemoryBoundTest {

    private static final String MEGABYTE = "很长的回答".repeat(210_000);

    @TempDir
    Path temp;

    @Test
    void theFeedbackMemoryHoldsBoundedTextPerAnswer() throws Exception {
        // GIVEN 1,200 answers of a megabyte each, with citations quoting a megabyte
        FileFeedbackRecorder feedback = new FileFeedbackRecorder(temp, MutableClock.atNewYear2025());
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            citations.add(new Citation("episode.txt", i + 1, i + 2, null, null, null, MEGABYTE, MEGABYTE));
        }
        for (int i = 0; i < 1_200; i++) {
            feedback.remember(new BotReply("reply-" + i, MEGABYTE, citations, true, Language.ZH, ReplyKind.ANSWER),
                    MEGABYTE, "conversation-" + i);
        }

        // WHEN they are remembered, and one of them is voted on
        long perAnswer = feedback.retainedChars() / 1_200;
        assertThat(feedback.record("reply-7", Platform.TELEGRAM, "1001", Vote.UP)).isTrue();

        // THEN each answer keeps a few thousand characters at most, and the vote record is bounded too
        assertThat(perAnswer).isLessThanOrEqualTo(FileFeedbackRecorder.MAX_ANSWER_CHARS
                + FileFeedbackRecorder.MAX_QUESTION_CHARS + 2_000);
        String line = Files.readAllLines(temp.resolve("feedback.jsonl"), StandardCharsets.UTF_8).get(0);
        JsonNode record = new ObjectMapper().readTree(line);
        assertThat(record.path("answer").asText().length()).isLessThanOrEqualTo(FileFeedbackRecorder.MAX_ANSWER_CHARS);
        assertThat(record.path("answer").asText()).startsWith("很长的回答");
        assertThat(line.length()).isLessThan(10_000);
    }

    @Test
    void theConversationMemoryHoldsBoundedTextPerTurn() {
        // GIVEN 1,200 questions answered with a megabyte each, over 100 conversations
        ConversationMemories memories = new ConversationMemories(1000, 12);
        for (int i = 0; i < 1_200; i++) {
            memories.remember("conversation-" + (i % 100), "问题 " + i, MEGABYTE);
        }

        // WHEN the memory is measured
        long held = memories.retainedChars();

        // THEN every remembered turn holds at most MAX_TURN_CHARS characters
        assertThat(held).isLessThanOrEqualTo(100L * 12 * ConversationMemories.MAX_TURN_CHARS);
        assertThat(memories.history("conversation-3")).hasSize(12)
                .allSatisfy(turn -> assertThat(turn.length()).isLessThanOrEqualTo(ConversationMemories.MAX_TURN_CHARS + 5));
    }
}
