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
import dev.episodebot.core.support.BoundedLruMap;
import dev.episodebot.core.support.DisplayText;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores votes as JSON lines in {@code DATA_DIR/feedback.jsonl}: one record per user and answer
 * with the question, the answer, its citations, who voted, how and when. Recent answers are
 * remembered (a bounded LRU) so a vote only needs the reply id. A user's second vote on the same
 * answer replaces the first: the same vote again changes nothing, the other vote rewrites that
 * user's record (the file is rewritten to a temporary file and moved into place, so it is never
 * half written). Each remembered answer keeps at most {@value #MAX_ANSWER_CHARS} characters of the
 * answer, {@value #MAX_QUESTION_CHARS} of the question and the first {@value #MAX_CITATIONS}
 * citations (without their quotes), so memory stays flat whatever the size of the answers.
 */
public final class FileFeedbackRecorder implements FeedbackRecorder {

    private static final Logger log = LoggerFactory.getLogger(FileFeedbackRecorder.class);
    private static final int REMEMBERED = 10_000;
    static final int MAX_ANSWER_CHARS = 2_000;
    static final int MAX_QUESTION_CHARS = 500;
    static final int MAX_CITATIONS = 5;

    /** What a vote record needs of one answer, bounded, and the votes stored for it, by {@code platform:userId}. */
    private record Answered(String question, String answer, boolean grounded, List<Citation> citations,
            String conversationId, Map<String, Vote> votes) {

        static Answered of(BotReply reply, String question, String conversationId) {
            List<Citation> citations = new ArrayList<>();
            for (Citation c : reply.citations().subList(0, Math.min(MAX_CITATIONS, reply.citations().size()))) {
                citations.add(new Citation(DisplayText.shorten(c.source(), 300), c.lineStart(), c.lineEnd(),
                        c.start(), c.end(), DisplayText.shorten(c.url(), 300), "", null));
            }
            return new Answered(DisplayText.shorten(question, MAX_QUESTION_CHARS),
                    DisplayText.shorten(reply.text(), MAX_ANSWER_CHARS), reply.grounded(), List.copyOf(citations),
                    DisplayText.shorten(conversationId, 200), new HashMap<>());
        }

        long chars() {
            long chars = question.length() + answer.length() + conversationId.length();
            for (Citation c : citations) {
                chars += c.source().length() + (c.url() == null ? 0 : c.url().length());
            }
            return chars;
        }
    }

    private final Path file;
    private final Clock clock;
    /** Created on the first vote: Jackson's start-up cost stays off the bot's start. */
    private ObjectMapper json;
    private final Map<String, Answered> recent = new BoundedLruMap<>(REMEMBERED);

    public FileFeedbackRecorder(Path dataDir, Clock clock) {
        this.file = dataDir.resolve("feedback.jsonl");
        this.clock = clock;
    }

    /** Remembers an answer so that votes on it can be recorded with their context. */
    public synchronized void remember(BotReply reply, String question, String conversationId) {
        if (reply.id() != null) {
            recent.put(reply.id(), Answered.of(reply, question, conversationId));
        }
    }

    @Override
    public synchronized boolean record(String replyId, Platform platform, String userId, Vote vote) {
        Answered answered = replyId == null ? null : recent.get(replyId);
        if (answered == null) {
            return false;
        }
        String voter = platform.id() + ":" + userId;
        Vote earlier = answered.votes().get(voter);
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
            answered.votes().put(voter, vote);
            return true;
        } catch (IOException e) {
            log.warn("Could not store feedback in {}: {}", file, e.toString());
            return false;
        }
    }

    private ObjectNode record(Answered answered, String replyId, Platform platform, String userId, Vote vote) {
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
        return recent.values().stream().mapToLong(Answered::chars).sum();
    }

    public Path file() {
        return file;
    }
}
