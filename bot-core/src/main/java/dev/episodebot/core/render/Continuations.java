package dev.episodebot.core.render;

import dev.episodebot.core.Language;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The messages of replies beyond the per-reply cap ({@code MAX_REPLY_MESSAGES}), kept until the
 * user presses "more". Bounded twice: at most {@code maxEntries} continuations and at most
 * {@code maxWeight} characters in all (the least recently stored go first), so memory stays flat
 * whatever the replies; a press on a forgotten one is told the continuation expired.
 *
 * @param <T> a platform's rendered message
 */
public final class Continuations<T> {

    /** Key length: 10 characters of base 36, about 51 bits. */
    private static final int KEY_LENGTH = 10;
    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    /**
     * The messages to send now and what happens to the rest.
     *
     * @param shown the messages to send now (at most the cap)
     * @param moreKey the key of the rest, for the "more" button; null when nothing is left
     * @param left how many messages are left
     * @param language the reply's language (for the button's label)
     */
    public record Page<T>(List<T> shown, String moreKey, int left, Language language) {
        public boolean hasMore() {
            return moreKey != null;
        }
    }

    private record Stored<T>(List<List<T>> pages, int weight, Language language) {}

    private final int maxEntries;
    private final long maxWeight;
    private final ToIntFunction<T> weigher;
    private final Map<String, Stored<T>> stored;
    private final SecureRandom random = new SecureRandom();
    private long weight;

    /**
     * @param maxEntries continuations kept at most
     * @param maxWeight characters kept at most, over all continuations
     * @param weigher the characters one message holds
     */
    public Continuations(int maxEntries, long maxWeight, ToIntFunction<T> weigher) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
        this.stored = new LinkedHashMap<>();
    }

    /**
     * The first page of {@code messages}: the first {@code cap} of them, and the rest stored under a
     * new key when there is a rest.
     */
    public Page<T> firstPage(List<T> messages, int cap, Language language) {
        return firstOfPages(List.of(messages), cap, language);
    }

    /**
     * The first page of a reply that comes in pages of its own ({@link ReplyPages}: ten search
     * results, a few outline sections): the messages of its first page (at most {@code cap}); each
     * "more" shows the next page (again at most {@code cap} messages of it).
     */
    public Page<T> firstOfPages(List<List<T>> pages, int cap, Language language) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1");
        }
        List<List<T>> rest = new java.util.ArrayList<>();
        List<T> first = pages.isEmpty() ? List.of() : pages.get(0);
        if (first.size() > cap) {
            rest.add(List.copyOf(first.subList(cap, first.size())));
            first = first.subList(0, cap);
        }
        for (List<T> page : pages.subList(Math.min(1, pages.size()), pages.size())) {
            if (!page.isEmpty()) {
                rest.add(List.copyOf(page));
            }
        }
        if (rest.isEmpty()) {
            return new Page<>(List.copyOf(first), null, 0, language);
        }
        int left = rest.stream().mapToInt(List::size).sum();
        return new Page<>(List.copyOf(first), put(rest, language), left, language);
    }

    /**
     * The next page of the continuation {@code key}: removed from the store, its first {@code cap}
     * messages shown, the rest stored again under a new key. Empty when the key is unknown (expired,
     * already shown, or never issued).
     */
    public Optional<Page<T>> nextPage(String key, int cap) {
        Stored<T> entry = take(key);
        return entry == null ? Optional.empty() : Optional.of(firstOfPages(entry.pages(), cap, entry.language()));
    }

    private synchronized String put(List<List<T>> pages, Language language) {
        int w = 0;
        for (List<T> page : pages) {
            for (T message : page) {
                w += weigher.applyAsInt(message);
            }
        }
        String key = newKey();
        while (stored.containsKey(key)) {
            key = newKey();
        }
        stored.put(key, new Stored<>(pages, w, language));
        weight += w;
        var eldest = stored.entrySet().iterator();
        while ((stored.size() > maxEntries || weight > maxWeight) && eldest.hasNext()) {
            Map.Entry<String, Stored<T>> entry = eldest.next();
            if (entry.getKey().equals(key) && stored.size() == 1) {
                break; // the newest one alone may exceed the weight; it is still bounded by the reply's own size
            }
            weight -= entry.getValue().weight();
            eldest.remove();
        }
        return key;
    }

    private synchronized Stored<T> take(String key) {
        Stored<T> entry = stored.remove(key);
        if (entry != null) {
            weight -= entry.weight();
        }
        return entry;
    }

    /** How many continuations are kept. */
    public synchronized int size() {
        return stored.size();
    }

    private String newKey() {
        char[] key = new char[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            key[i] = DIGITS[random.nextInt(DIGITS.length)];
        }
        return new String(key);
    }
}
