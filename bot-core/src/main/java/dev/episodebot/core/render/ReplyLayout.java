package dev.episodebot.core.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Citation;
import dev.episodebot.core.Item;
import dev.episodebot.core.Language;
import dev.episodebot.core.Quote;
import dev.episodebot.core.Section;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lays a {@link BotReply} out as {@link Block blocks} in reading order, the same for every surface:
 *
 * <ol>
 *   <li>the notes;
 *   <li>the lead: written text as it is, or, when the lead is a quote's answering line, an intro
 *       line and that quote (its answering line marked) with its citation line;
 *   <li>the items, numbered, each as its quote or its text, with its citation line;
 *   <li>every other quote, each once, with its citation line (after an extractive lead under an
 *       "it also says" line);
 *   <li>the sections, each with its key lines and citation line;
 *   <li>citations no quote, item or section showed, under a "Sources" heading;
 *   <li>the suggested follow-ups.
 * </ol>
 *
 * <p>No quote is shown twice and no citation line repeats a quote's text. Citation lines are
 * numbered ({@code [1]}) when the lead is written text, whose {@code [n]} markers refer to them.
 */
public final class ReplyLayout {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R[\\h\\x0B\\f]*\\R(?:[\\h\\x0B\\f]*\\R)*");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private ReplyLayout() {}

    public static List<Block> of(BotReply reply) {
        return new Builder(reply).build();
    }

    private static final class Builder {
        private final BotReply reply;
        private final Language language;
        private final boolean numbered;
        private final BitSet shownQuotes = new BitSet();
        private final BitSet shownCitations = new BitSet();
        private final List<Block> blocks = new ArrayList<>();

        Builder(BotReply reply) {
            this.reply = reply;
            this.language = reply.language();
            this.numbered = reply.leadQuote() < 0 && !reply.lead().isBlank();
        }

        List<Block> build() {
            for (String note : reply.notes()) {
                paragraphs(note, Block.Style.NOTE);
            }
            if (reply.leadQuote() >= 0) {
                Quote lead = reply.quotes().get(reply.leadQuote());
                text(Catalog.text(language, quotesInOtherLanguage() ? UiText.ANSWER_INTRO_ORIGINAL : UiText.ANSWER_INTRO),
                        Block.Style.PLAIN, 2);
                quote(reply.leadQuote(), lead, 1);
            } else {
                paragraphs(reply.lead(), Block.Style.PLAIN);
            }
            items();
            otherQuotes();
            sections();
            remainingCitations();
            followUps();
            return blocks;
        }

        /** Items of an answer are numbered; those of an informational list (commands, files) are bullets. */
        private void items() {
            boolean numbered = reply.kind().isAnswer();
            int number = 1;
            for (Item item : reply.items()) {
                int gap = number == 1 && !leadIntroducesList() ? 2 : 1;
                if (item.quote() >= 0 && !shownQuotes.get(item.quote())) {
                    Quote quote = reply.quotes().get(item.quote());
                    if (quote.lines().size() == 1) {
                        blocks.add(new Block.Entry(numbered ? number : 0, quote.lines().get(0), quote.answerLine() == 0,
                                gap));
                        shownQuotes.set(item.quote());
                        citation(quote.citation(), 1);
                    } else {
                        blocks.add(new Block.Entry(numbered ? number : 0, "", false, gap));
                        quote(item.quote(), quote, 1);
                    }
                } else {
                    blocks.add(new Block.Entry(numbered ? number : 0, oneLine(item.text()), false, gap));
                    if (item.citation() >= 0) {
                        citation(item.citation(), 1);
                    }
                }
                number++;
            }
        }

        /** Whether the lead ends with a colon, so the list follows on the next line. */
        private boolean leadIntroducesList() {
            String lead = reply.lead().strip();
            return reply.leadQuote() < 0 && (lead.endsWith(":") || lead.endsWith("："));
        }

        private void otherQuotes() {
            boolean extractive = reply.leadQuote() >= 0;
            for (int i = 0; i < reply.quotes().size(); i++) {
                if (shownQuotes.get(i)) {
                    continue;
                }
                if (extractive) {
                    text(Catalog.text(language, UiText.ANSWER_ALSO), Block.Style.PLAIN, 2);
                    quote(i, reply.quotes().get(i), 1);
                } else {
                    quote(i, reply.quotes().get(i), 2);
                }
            }
        }

        private void sections() {
            for (Section section : reply.sections()) {
                text(section.title(), Block.Style.HEADING, 2);
                for (String line : section.keyLines()) {
                    blocks.add(new Block.Entry(0, oneLine(line), false, 1));
                }
                if (section.citation() >= 0) {
                    citation(section.citation(), 1);
                }
            }
        }

        private void remainingCitations() {
            boolean headed = false;
            for (int i = 0; i < reply.citations().size(); i++) {
                if (shownCitations.get(i)) {
                    continue;
                }
                if (!headed) {
                    text(Catalog.text(language, UiText.ANSWER_SOURCES), Block.Style.HEADING, 2);
                    headed = true;
                }
                citation(i, 1);
            }
        }

        private void followUps() {
            if (reply.followUps().isEmpty()) {
                return;
            }
            text(Catalog.text(language, UiText.ANSWER_FOLLOW_UPS), Block.Style.HEADING, 2);
            for (String question : reply.followUps()) {
                blocks.add(new Block.Entry(0, oneLine(question), false, 1));
            }
        }

        private void quote(int index, Quote quote, int gap) {
            blocks.add(new Block.QuoteLines(quote, gap));
            shownQuotes.set(index);
            citation(quote.citation(), 1);
        }

        /** A citation line, once per citation (several quotes of one citation share it). */
        private void citation(int index, int gap) {
            if (shownCitations.get(index)) {
                return;
            }
            shownCitations.set(index);
            Citation citation = reply.citations().get(index);
            blocks.add(new Block.CitationLine(CitationText.of(citation, numbered ? index + 1 : 0, language), gap));
        }

        private void paragraphs(String text, Block.Style style) {
            for (String paragraph : PARAGRAPH_BREAK.split(text.strip())) {
                if (paragraph.isBlank()) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                for (String line : LINE_BREAK.split(paragraph)) {
                    lines.add(line.stripTrailing());
                }
                blocks.add(new Block.Text(lines, style, 2));
            }
        }

        private void text(String line, Block.Style style, int gap) {
            blocks.add(new Block.Text(List.of(oneLine(line)), style, gap));
        }

        /** Whether the quotes are in another language than the reply (an English question over a Chinese episode). */
        private boolean quotesInOtherLanguage() {
            StringBuilder all = new StringBuilder();
            for (Quote quote : reply.quotes()) {
                for (String line : quote.lines()) {
                    all.append(line).append('\n');
                    if (all.length() > 2000) {
                        break;
                    }
                }
            }
            return Language.detect(all.toString()) != language;
        }

        private static String oneLine(String text) {
            return LINE_BREAK.matcher(text.strip()).replaceAll(" ");
        }
    }
}
