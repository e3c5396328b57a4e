package dev.episodebot.core.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Platform;
import dev.episodebot.core.Vote;
import dev.episodebot.core.state.AnswerMemory;
import dev.episodebot.core.state.InMemoryAnswerMemory;
import dev.episodebot.core.state.RememberedAnswer;
import dev.episodebot.core.state.SharedState;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores votes as JSON lines in {@code DATA_DIR/feedback.jsonl}: one record per user and answer
 * with the question, the answer, its citations, who voted, how and when. Recent answers are
 * remembered in an {@link AnswerMemory} (a bounded LRU in this process, or one shared by several
 * instances) so a vote only needs the reply id. A user's second vote on the same
 * answer replaces the first: the same vote again changes nothing, the other vote rewrites that
 * user's record (the file is rewritten to a temporary file and moved into place, so it is never
 * half written). Each remembered answer is a bounded {@link RememberedAnswer}, so memory stays
 * flat whatever the size of the answers.
 */
public final class FileFeedbackRecorder implements FeedbackRecorder {

    private static final Logger log = LoggerFactory.getLogger(FileFeedbackRecorder.class);
    static final int MAX_ANSWER_CHARS = RememberedAnswer.MAX_ANSWER_CHARS;
    static final int MAX_QUESTION_CHARS = RememberedAnswer.MAX_QUESTION_CHARS;
    static final int MAX_CITATIONS = RememberedAnswer.MAX_CITATIONS;

    private final Path file;
    private final Clock clock;
    /** Created on the first vote: Jackson's start-up cost stays off the bot's start. */
    private ObjectMapper json;
    private final AnswerMemory recent;

    /** Remembers the latest {@value SharedState#ANSWERS} answers in this process. */
    public FileFeedbackRecorder(Path dataDir, Clock clock) {
        this(dataDir, clock, new InMemoryAnswerMemory(SharedState.ANSWERS));
    }

    /** Remembers answers and votes in {@code answers} (shared by several instances, say). */
    public FileFeedbackRecorder(Path dataDir, Clock clock, AnswerMemory answers) {
        this.file = dataDir.resolve("feedback.jsonl");
        this.clock = clock;
        this.recent = answers;
    }

    /** Remembers an answer so that votes on it can be recorded with their context. */
    public synchronized void remember(BotReply reply, String question, String conversationId) {
        if (reply.id() != null) {
            recent.remember(reply.id(), RememberedAnswer.of(reply, question, conversationId));
        }
    }

    @Override
    public synchronized boolean record(String replyId, Platform platform, String userId, Vote vote) {
        RememberedAnswer answered = replyId == null ? null : recent.find(replyId).orElse(null);
        if (answered == null) {
            return false;
        }
        String voter = platform.id() + ":" + userId;
        Vote earlier = recent.vote(replyId, voter).orElse(null);
        if (earlier == vote) {
            return true; // already stored as it is
        }
        if (json == null) {
            json = new ObjectMapper();
        }
        ObjectNode record = record(answered, replyId, platform, userId, vote);
        try {
            Files.createDirectories(file.getParent());
            String line = json.writeValueAsString(record);
            if (earlier == null) {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } else {
                replace(replyId, platform.id(), userId, line);
            }
            recent.storeVote(replyId, voter, vote);
            return true;
        } catch (IOException e) {
            log.warn("Could not store feedback in {}: {}", file, e.toString());
            return false;
        }
    }

    private ObjectNode record(RememberedAnswer answered, String replyId, Platform platform, String userId, Vote vote) {
        ObjectNode record = json.createObjectNode();
        record.put("time", clock.instant().toString());
        record.put("replyId", replyId);
        record.put("platform", platform.id());
        record.put("userId", userId);
        record.put("conversationId", answered.conversationId());
        record.put("vote", vote == Vote.UP ? "up" : "down");
        record.put("question", answered.question());
        record.put("answer", answered.answer());
        record.put("grounded", answered.grounded());
        ArrayNode citations = record.putArray("citations");
        for (Citation c : answered.citations()) {
            citations.addObject().put("source", c.source()).put("lineStart", c.lineStart()).put("lineEnd", c.lineEnd())
                    .put("start", c.start()).put("url", c.url());
        }
        return record;
    }

    /** Rewrites the file with this user's earlier record on the reply replaced by {@code line}. */
    private void replace(String replyId, String platform, String userId, String line) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        boolean replaced = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            String existing;
            while ((existing = in.readLine()) != null) {
                if (!replaced && isVoteOf(existing, replyId, platform, userId)) {
                    existing = line;
                    replaced = true;
                }
                out.write(existing);
                out.write('\n');
            }
            if (!replaced) {
                out.write(line);
                out.write('\n');
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean isVoteOf(String line, String replyId, String platform, String userId) {
        if (!line.contains(replyId)) {
            return false; // cheap check first: most lines are other answers'
        }
        try {
            JsonNode node = json.readTree(line);
            return replyId.equals(node.path("replyId").asText()) && platform.equals(node.path("platform").asText())
                    && userId.equals(node.path("userId").asText());
        } catch (IOException e) {
            return false; // a damaged line is kept as it is
        }
    }

    /** The characters held for the remembered answers (what the bound is about). */
    synchronized long retainedChars() {
        return recent instanceof InMemoryAnswerMemory local ? local.retainedChars() : 0;
    }

    public Path file() {
        return file;
    }
}
