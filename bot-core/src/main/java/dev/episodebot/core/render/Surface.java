package dev.episodebot.core.render;

import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * How one surface marks a reply up: its escaping and the few pieces of markup around each kind of
 * {@link Block}. Telegram HTML, Discord Markdown and plain text are three values of this record;
 * {@link SurfaceRenderer} does the rest for all of them.
 *
 * @param escape escapes plain text for the surface
 * @param quoteOpen markup before a quote's lines in each message ({@code <blockquote>}), or empty
 * @param quoteClose markup after them
 * @param quoteLine markup before each context line of a quote ({@code "> "} in Markdown)
 * @param answerLineOpen markup before the answering line of a quote
 * @param answerLineClose markup after it
 * @param markOpen markup before an entry that is an answering line
 * @param markClose markup after it
 * @param noteOpen markup before a line of a notice
 * @param noteClose markup after it
 * @param headingOpen markup before a heading
 * @param headingClose markup after it
 * @param citationOpen markup before a citation line
 * @param citationClose markup after it
 * @param link the markup of a link from a web address and a (plain) text; null when the surface has no
 *     links (the address is then spelled out at the end of the citation line)
 */
public record Surface(
        UnaryOperator<String> escape,
        String quoteOpen,
        String quoteClose,
        String quoteLine,
        String answerLineOpen,
        String answerLineClose,
        String markOpen,
        String markClose,
        String noteOpen,
        String noteClose,
        String headingOpen,
        String headingClose,
        String citationOpen,
        String citationClose,
        BinaryOperator<String> link) {

    public Surface {
        Objects.requireNonNull(escape, "escape");
    }

    /** Plain text: quote lines {@code "> "}, the answering line {@code "» "}, links spelled out. */
    public static final Surface PLAIN = new Surface(UnaryOperator.identity(), "", "", PlainTextRenderer.QUOTE_MARK,
            PlainTextRenderer.ANSWER_MARK, "", PlainTextRenderer.ANSWER_MARK, "", "", "", "", "", "", "", null);
}
