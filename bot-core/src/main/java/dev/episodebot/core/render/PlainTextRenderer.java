package dev.episodebot.core.render;

import dev.episodebot.core.BotReply;

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
public final class PlainTextRenderer {

    /** How a quote's context lines start. */
    public static final String QUOTE_MARK = "> ";
    /** How the answering line of a quote starts. */
    public static final String ANSWER_MARK = "» ";

    private static final SurfaceRenderer RENDERER = new SurfaceRenderer(Surface.PLAIN, Integer.MAX_VALUE);

    private PlainTextRenderer() {}

    /** The whole reply as one text. */
    public static String render(BotReply reply) {
        return RENDERER.whole(reply);
    }

    /** {@code 1. } for a numbered entry, {@code • } for a bullet. */
    public static String entryLabel(Block.Entry entry) {
        return entry.number() > 0 ? entry.number() + ". " : "• ";
    }
}
