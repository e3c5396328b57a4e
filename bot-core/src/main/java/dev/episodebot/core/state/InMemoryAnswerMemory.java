package dev.episodebot.core.state;

import dev.episodebot.core.Vote;
import dev.episodebot.core.support.BoundedLruMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The latest {@code capacity} answers and their votes, in this process (least recently used forgotten first). */
public final class InMemoryAnswerMemory implements AnswerMemory {

    private record Entry(RememberedAnswer answer, Map<String, Vote> votes) {
    }

    private final Map<String, Entry> entries;

    public InMemoryAnswerMemory(int capacity) {
        this.entries = new BoundedLruMap<>(capacity);
    }

    @Override
    public synchronized void remember(String replyId, RememberedAnswer answer) {
        entries.put(replyId, new Entry(answer, new HashMap<>()));
    }

    @Override
    public synchronized Optional<RememberedAnswer> find(String replyId) {
        Entry entry = entries.get(replyId);
        return entry == null ? Optional.empty() : Optional.of(entry.answer());
    }

    @Override
    public synchronized Optional<Vote> vote(String replyId, String voter) {
        Entry entry = entries.get(replyId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.votes().get(voter));
    }

    @Override
    public synchronized void storeVote(String replyId, String voter, Vote vote) {
        Entry entry = entries.get(replyId);
        if (entry != null) {
            entry.votes().put(voter, vote);
        }
    }

    /** The characters held for the remembered answers (what the bounds are about). */
    public synchronized long retainedChars() {
        return entries.values().stream().mapToLong(e -> e.answer().chars()).sum();
    }
}
