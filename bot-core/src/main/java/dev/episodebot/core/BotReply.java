package dev.episodebot.core;

import dev.episodebot.core.render.PlainTextRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the core says back, as structure: adapters, the console and {@code ask --json} render it;
 * none of its strings holds markup (each surface escapes and marks up on its own).
 *
 * <p>Every quote is meant to be shown once. In an extractive answer the lead <em>is</em> the
 * answering line of a quote ({@link #leadQuote()} ≥ 0): a surface shows that quote with the line
 * marked, and does not repeat the lead above it. Likewise an {@link Item} with a quote is shown as
 * that quote.
 *
 * @param id an id for feedback on this reply ({@link FeedbackRecorder}); null when the reply is not an answer
 * @param kind what the reply is (answer, not covered, refusal, help, …)
 * @param language the language the reply is framed in
 * @param grounded whether the reply is backed by the episode; false when the episode does not cover the question
 * @param notes short notices shown before everything else (e.g. the LLM was unavailable), plain text
 * @param lead the answer itself in one or two sentences (for an informational reply: its text, paragraphs
 *     separated by blank lines), plain text; may be empty
 * @param leadQuote the index in {@code quotes} of the quote whose answering line is the lead, or -1 when
 *     the lead is written text (an LLM answer, an informational reply)
 * @param quotes verbatim transcript lines, each with its answering line and citation
 * @param items a list answer (one item per answer found) or an informational list; empty otherwise
 * @param sections an outline of an episode; empty otherwise
 * @param citations the sources quoted or relied on, in order of use
 * @param followUps questions the user could ask next, plain text; may be empty
 */
public record BotReply(
        String id,
        ReplyKind kind,
        Language language,
        boolean grounded,
        List<String> notes,
        String lead,
        int leadQuote,
        List<Quote> quotes,
        List<Item> items,
        List<Section> sections,
        List<Citation> citations,
        List<String> followUps) {

    public BotReply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        notes = List.copyOf(notes == null ? List.of() : notes);
        lead = lead == null ? "" : lead;
        quotes = List.copyOf(quotes == null ? List.of() : quotes);
        items = List.copyOf(items == null ? List.of() : items);
        sections = List.copyOf(sections == null ? List.of() : sections);
        citations = List.copyOf(citations == null ? List.of() : citations);
        followUps = List.copyOf(followUps == null ? List.of() : followUps);
        if (leadQuote < -1 || leadQuote >= quotes.size()) {
            throw new IllegalArgumentException("leadQuote " + leadQuote + " is not a quote of the reply");
        }
        for (Quote quote : quotes) {
            checkCitation(quote.citation(), citations);
        }
        for (Item item : items) {
            if (item.quote() >= quotes.size()) {
                throw new IllegalArgumentException("item quote " + item.quote() + " is not a quote of the reply");
            }
            if (item.citation() >= 0) {
                checkCitation(item.citation(), citations);
            }
        }
        for (Section section : sections) {
            if (section.citation() >= 0) {
                checkCitation(section.citation(), citations);
            }
        }
    }

    /**
     * A reply whose lead is {@code text}, relying on {@code citations} without quoting them (shown as
     * a compact list of sources).
     */
    public BotReply(String id, String text, List<Citation> citations, boolean grounded, Language language,
            ReplyKind kind) {
        this(id, kind, language, grounded, List.of(), text, -1, List.of(), List.of(), List.of(), citations, List.of());
    }

    /** An informational reply with no citations. */
    public static BotReply info(String text, Language language) {
        return of(ReplyKind.INFO, text, language);
    }

    /** A polite refusal. */
    public static BotReply refusal(String text, Language language) {
        return of(ReplyKind.REFUSAL, text, language);
    }

    /** A reply of {@code kind} that is only its text (grounded unless it refuses or apologises). */
    public static BotReply of(ReplyKind kind, String text, Language language) {
        boolean grounded = kind != ReplyKind.REFUSAL && kind != ReplyKind.BUSY && kind != ReplyKind.ERROR
                && kind != ReplyKind.NOT_COVERED;
        return new BotReply(null, kind, language, grounded, List.of(), text, -1, List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** A builder for a reply of {@code kind} framed in {@code language}. */
    public static Builder builder(ReplyKind kind, Language language) {
        return new Builder(kind, language);
    }

    /** The same reply with another id. */
    public BotReply withId(String newId) {
        return new BotReply(newId, kind, language, grounded, notes, lead, leadQuote, quotes, items, sections, citations,
                followUps);
    }

    /** The same reply with {@code note} shown first. */
    public BotReply withNote(String note) {
        List<String> all = new ArrayList<>();
        all.add(note);
        all.addAll(notes);
        return new BotReply(id, kind, language, grounded, all, lead, leadQuote, quotes, items, sections, citations,
                followUps);
    }

    /**
     * The same reply with every user-visible string mapped through {@code f}: notes, lead, quote lines,
     * items, section titles and key lines, follow-ups, and the citations' sources, titles, quotes and
     * links (e.g. to mask secrets or strip control characters on every surface at once). The id is not
     * user text and is kept.
     */
    public BotReply mapText(UnaryOperator<String> f) {
        return new BotReply(id, kind, language, grounded,
                notes.stream().map(f).toList(),
                f.apply(lead),
                leadQuote,
                quotes.stream().map(q -> new Quote(q.lines().stream().map(f).toList(), q.answerLine(), q.citation()))
                        .toList(),
                items.stream().map(i -> new Item(f.apply(i.text()), i.quote(), i.citation())).toList(),
                sections.stream().map(s -> new Section(f.apply(s.title()), s.keyLines().stream().map(f).toList(),
                        s.citation())).toList(),
                citations.stream().map(c -> new Citation(f.apply(c.source()), c.lineStart(), c.lineEnd(), c.start(),
                        c.end(), c.url() == null ? null : f.apply(c.url()), f.apply(c.quote()),
                        c.title() == null ? null : f.apply(c.title()))).toList(),
                followUps.stream().map(f).toList());
    }

    /**
     * The reply as plain text, as the console shows it: notes, the lead (or the quote that is the
     * lead, its answering line marked), items, other quotes, one citation line per quote.
     */
    public String text() {
        return PlainTextRenderer.render(this);
    }

    private static void checkCitation(int index, List<Citation> citations) {
        if (index < 0 || index >= citations.size()) {
            throw new IllegalArgumentException("citation " + index + " is not a citation of the reply");
        }
    }

    /** Builds a {@link BotReply}; quotes and items refer to citations by their index, as added. */
    public static final class Builder {
        private final ReplyKind kind;
        private final Language language;
        private String id;
        private boolean grounded = true;
        private final List<String> notes = new ArrayList<>();
        private String lead = "";
        private int leadQuote = -1;
        private final List<Quote> quotes = new ArrayList<>();
        private final List<Item> items = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private final List<Citation> citations = new ArrayList<>();
        private final List<String> followUps = new ArrayList<>();

        private Builder(ReplyKind kind, Language language) {
            this.kind = kind;
            this.language = language;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder grounded(boolean value) {
            this.grounded = value;
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        /** A written lead. */
        public Builder lead(String text) {
            this.lead = text;
            this.leadQuote = -1;
            return this;
        }

        /** Adds a citation; returns its index. */
        public int cite(Citation citation) {
            citations.add(citation);
            return citations.size() - 1;
        }

        /** Adds a quote of {@code lines} from a new citation; returns the quote's index. */
        public int quote(Citation citation, List<String> lines, int answerLine) {
            quotes.add(new Quote(lines, answerLine, cite(citation)));
            return quotes.size() - 1;
        }

        /** The citation index of quote {@code index}. */
        public int citationOf(int quoteIndex) {
            return quotes.get(quoteIndex).citation();
        }

        /** Makes the answering line of quote {@code index} the lead. */
        public Builder leadFromQuote(int index) {
            Quote quote = quotes.get(index);
            if (quote.answerLine() < 0) {
                throw new IllegalArgumentException("quote " + index + " has no answering line");
            }
            this.lead = quote.answerText();
            this.leadQuote = index;
            return this;
        }

        public Builder item(Item item) {
            items.add(item);
            return this;
        }

        public Builder section(Section section) {
            sections.add(section);
            return this;
        }

        public Builder followUp(String question) {
            followUps.add(question);
            return this;
        }

        public BotReply build() {
            return new BotReply(id, kind, language, grounded, notes, lead, leadQuote, quotes, items, sections,
                    citations, followUps);
        }
    }
}
