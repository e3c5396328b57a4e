package dev.episodebot.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Item;
import dev.episodebot.core.Language;
import dev.episodebot.core.Quote;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.Section;
import dev.episodebot.core.testing.ReplyFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ReplyLayout} and the invariants of {@link BotReply}. */
class ReplyLayoutTest {

    private static final Citation CITATION = new Citation("ep.txt", 3, 4, "00:00:03", "00:00:04",
            "javascript:alert(1)", "a\nb", "A very long title ".repeat(20));

    @Test
    void aReplyRefersOnlyToItsOwnQuotesAndCitations() {
        List<Quote> noQuotes = List.of();
        assertThatThrownBy(() -> new BotReply("x", ReplyKind.ANSWER, Language.EN, true, List.of(), "a", 0, noQuotes,
                List.of(), List.of(), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BotReply("x", ReplyKind.ANSWER, Language.EN, true, List.of(), "a", -1,
                List.of(new Quote(List.of("a"), 0, 1)), List.of(), List.of(), List.of(CITATION), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quote(List.of("a"), 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quote(List.of(), -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void citationLinesShortenTitlesAndLinkOnlyWebAddresses() {
        CitationText text = CitationText.of(CITATION, 0, Language.EN);
        assertThat(text.title()).hasSizeLessThanOrEqualTo(80).endsWith("…");
        assertThat(text.url()).isNull();
        assertThat(text.time()).isEqualTo("00:00:03–00:00:04");
        assertThat(CitationText.isWebLink("HTTPS://example.com/x")).isTrue();
        assertThat(CitationText.isWebLink("https://")).isFalse();
        assertThat(CitationText.isWebLink("https://exa mple.com")).isFalse();
        assertThat(CitationText.isWebLink("ftp://example.com")).isFalse();
    }

    @Test
    void sectionsShowTheirKeyLinesAndRange() {
        BotReply.Builder reply = BotReply.builder(ReplyKind.INFO, Language.EN).lead("Outline:");
        int cite = reply.cite(new Citation("ep.txt", 1, 40, "00:00:00", "00:05:00", null, "", "Ep"));
        reply.section(new Section("Leaving Google", List.of("I left Google in 2023"), cite));
        reply.followUp("Why did he leave?");
        assertThat(reply.build().text()).isEqualTo("""
                Outline:

                Leaving Google
                • I left Google in 2023
                [1] — Ep · lines 1–40 · 00:00:00–00:05:00

                You could also ask:
                • Why did he leave?""");
    }

    @Test
    void aQuotedItemOfSeveralLinesIsShownAsItsQuoteUnderItsNumber() {
        BotReply.Builder reply = BotReply.builder(ReplyKind.ANSWER, Language.EN).lead("Two things:");
        int first = reply.quote(new Citation("ep.txt", 1, 2, null, null, null, "x\ny", null), List.of("x", "y"), 1);
        reply.item(new Item("y", first, reply.citationOf(first)));
        reply.item(new Item("written item", -1, -1));
        assertThat(reply.build().text()).isEqualTo("""
                Two things:
                1.\s
                > x
                » y
                [1] — ep.txt · lines 1–2
                2. written item""");
    }

    @Test
    void mapTextReachesEveryUserVisibleString() {
        // GIVEN a reply with text in every field
        BotReply.Builder builder = BotReply.builder(ReplyKind.ANSWER, Language.EN).id("id-secret").note("note secret")
                .lead("lead secret");
        int quote = builder.quote(new Citation("secret.txt", 1, 1, null, null, "https://e.x/secret", "q secret",
                "title secret"), List.of("line secret"), 0);
        builder.item(new Item("item secret", quote, 0));
        builder.section(new Section("section secret", List.of("key secret"), 0));
        builder.followUp("follow secret");
        BotReply reply = builder.build();

        // WHEN every string is mapped
        BotReply masked = reply.mapText(s -> s.replace("secret", "***"));

        // THEN no rendering shows the word any more, and the structure and id are kept
        assertThat(masked.text()).doesNotContain("secret").contains("***");
        assertThat(masked.citations().get(0).source()).isEqualTo("***.txt");
        assertThat(masked.citations().get(0).url()).isEqualTo("https://e.x/***");
        assertThat(masked.citations().get(0).quote()).isEqualTo("q ***");
        assertThat(masked.sections().get(0).keyLines()).containsExactly("key ***");
        assertThat(masked.id()).isEqualTo("id-secret");
        assertThat(masked.leadQuote()).isEqualTo(reply.leadQuote());
        assertThat(ReplyFixtures.hostile().mapText(s -> s).text()).isEqualTo(ReplyFixtures.hostile().text());
    }
}
