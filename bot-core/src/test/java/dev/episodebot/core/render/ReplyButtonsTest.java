package dev.episodebot.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.Language;
import dev.episodebot.core.Vote;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The button codec and the bounded store behind "more". */
class ReplyButtonsTest {

    @Test
    void votesAndMoreRoundTripAndOtherDataIsNotOurs() {
        assertThat(ReplyButtons.parse(ReplyButtons.vote(Vote.UP, "a1"))).contains(new ReplyButtons.VotePress("a1", Vote.UP));
        assertThat(ReplyButtons.parse("fb:d:a:b")).contains(new ReplyButtons.VotePress("a:b", Vote.DOWN));
        assertThat(ReplyButtons.parse(ReplyButtons.more("k9"))).contains(new ReplyButtons.MorePress("k9"));
        assertThat(ReplyButtons.parse("fb:u:")).isEmpty();
        assertThat(ReplyButtons.parse("fb:x:a1")).isEmpty();
        assertThat(ReplyButtons.parse("mr:")).isEmpty();
        assertThat(ReplyButtons.parse("other")).isEmpty();
        assertThat(ReplyButtons.parse(null)).isEmpty();
    }

    @Test
    void voteButtonsFitTelegramsBytesAndDiscordsCharacters() {
        assertThat(ReplyButtons.votesFit("x".repeat(59), ReplyButtons.TELEGRAM_MAX_BYTES)).isTrue();
        assertThat(ReplyButtons.votesFit("x".repeat(60), ReplyButtons.TELEGRAM_MAX_BYTES)).isFalse();
        assertThat(ReplyButtons.votesFit("字".repeat(20), ReplyButtons.TELEGRAM_MAX_BYTES)).isFalse();
        assertThat(ReplyButtons.votesFit("x".repeat(95), ReplyButtons.DISCORD_MAX_CHARS)).isTrue();
        assertThat(ReplyButtons.votesFit("x".repeat(96), ReplyButtons.DISCORD_MAX_CHARS)).isFalse();
        assertThat(ReplyButtons.votesFit(null, 64)).isFalse();
        assertThat(ReplyButtons.more("0123456789").length()).isLessThanOrEqualTo(ReplyButtons.TELEGRAM_MAX_BYTES);
    }

    @Test
    void aReplyPastTheCapIsPagedAndEachPageIsGivenOnce() {
        Continuations<String> store = new Continuations<>(10, 1000, String::length);
        List<String> messages = IntStream.range(0, 10).mapToObj(i -> "m" + i).toList();

        Continuations.Page<String> first = store.firstPage(messages, 4, Language.ZH);
        assertThat(first.shown()).containsExactly("m0", "m1", "m2", "m3");
        assertThat(first.left()).isEqualTo(6);
        Continuations.Page<String> second = store.nextPage(first.moreKey(), 4).orElseThrow();
        assertThat(second.shown()).containsExactly("m4", "m5", "m6", "m7");
        assertThat(second.language()).isEqualTo(Language.ZH);
        assertThat(store.nextPage(first.moreKey(), 4)).isEmpty(); // pressed twice: given once
        Continuations.Page<String> last = store.nextPage(second.moreKey(), 4).orElseThrow();
        assertThat(last.shown()).containsExactly("m8", "m9");
        assertThat(last.hasMore()).isFalse();
        assertThat(store.size()).isZero();
        assertThat(store.firstPage(List.of("a"), 4, Language.EN).hasMore()).isFalse();
    }

    @Test
    void theStoreForgetsTheOldestPastItsEntryAndSizeBounds() {
        Continuations<String> store = new Continuations<>(3, 50, String::length);
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(store.firstPage(List.of("shown", "x".repeat(10)), 1, Language.EN).moreKey());
        }
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.nextPage(keys.get(0), 1)).isEmpty();
        assertThat(store.nextPage(keys.get(4), 1)).isPresent();
        // 30 characters each: only one fits within 50
        Continuations<String> small = new Continuations<>(100, 50, String::length);
        String a = small.firstPage(List.of("s", "y".repeat(30)), 1, Language.EN).moreKey();
        String b = small.firstPage(List.of("s", "z".repeat(30)), 1, Language.EN).moreKey();
        assertThat(small.nextPage(a, 1)).isEmpty();
        assertThat(small.nextPage(b, 1)).isPresent();
    }
}
