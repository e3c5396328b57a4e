package dev.episodebot.core.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.Quote;
import dev.episodebot.core.render.MessageSplitter.Line;
import dev.episodebot.core.render.MessageSplitter.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply as plain text, for the console ({@code ask}, {@code chat}), the {@code answer} of
 * {@code ask --json}, evaluation and stored feedback: quote lines start with {@code "> "}, the
 * answering line with {@code "» "}, and each quote is followed by one citation line (with the
 * link spelled out).
 *
 * <pre>
 * 节目里是这样说的：
 * &gt; 此外
 * » 这些成就是由不到 15 人的技术团队完成的
 * &gt; 个人层面
 * —— episode-yi-tay-returns-to-google.txt · 第 113–116 行
 * </pre>
 */
public final class PlainTextRenderer implements Markup {

    /** How a quote's context lines start. */
    public static final String QUOTE_MARK = "> ";
    /** How the answering line of a quote starts. */
    public static final String ANSWER_MARK = "» ";

    private static final PlainTextRenderer INSTANCE = new PlainTextRenderer();

    private PlainTextRenderer() {}

    /** The whole reply as one text. */
    public static String render(BotReply reply) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : INSTANCE.segments(ReplyLayout.of(reply))) {
            if (out.length() > 0) {
                out.append("\n".repeat(segment.gap()));
            }
            for (int i = 0; i < segment.lines().size(); i++) {
                if (i > 0) {
                    out.append('\n');
                }
                out.append(segment.lines().get(i).plain());
            }
        }
        return out.toString();
    }

    /** {@code 1. } for a numbered entry, {@code • } for a bullet. */
    public static String entryLabel(Block.Entry entry) {
        return entry.number() > 0 ? entry.number() + ". " : "• ";
    }

    @Override
    public Segment text(Block.Text text) {
        return new Segment("", "", text.lines().stream().map(PlainTextRenderer::line).toList(), text.gap());
    }

    @Override
    public Segment quote(Block.QuoteLines block) {
        Quote quote = block.quote();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            lines.add(line((i == quote.answerLine() ? ANSWER_MARK : QUOTE_MARK) + quote.lines().get(i)));
        }
        return new Segment("", "", lines, block.gap());
    }

    @Override
    public Segment citation(Block.CitationLine citation) {
        return new Segment("", "", List.of(line(citation.citation().plain())), citation.gap());
    }

    @Override
    public Segment entry(Block.Entry entry) {
        return new Segment("", "", List.of(line(entryLabel(entry) + (entry.marked() ? ANSWER_MARK : "") + entry.text())),
                entry.gap());
    }

    private static Line line(String text) {
        return new Line(text, text, "", "");
    }
}
