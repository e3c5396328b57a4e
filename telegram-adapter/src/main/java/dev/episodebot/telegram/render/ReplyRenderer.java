package dev.episodebot.telegram.render;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.render.MessagePart;
import dev.episodebot.core.render.Surface;
import dev.episodebot.core.render.SurfaceRenderer;
import java.util.List;

/**
 * Renders a {@link BotReply} as Telegram HTML messages, the Telegram {@link Surface} of the core's
 * shared renderer: each quote in a {@code <blockquote>} with its answering line in {@code <b>},
 * followed by one compact citation line in {@code <i>} (episode, lines, the timecode linked to the
 * moment when known) that never repeats the quote; notes in {@code <i>}, headings in {@code <b>};
 * every piece of text escaped. Messages hold at most {@value #TELEGRAM_LIMIT} characters, never cut
 * inside a tag or an entity; each also carries its plain form, sent instead when Telegram rejects
 * the HTML.
 */
public final class ReplyRenderer {

    /** Telegram's limit for one text message. */
    public static final int TELEGRAM_LIMIT = 4096;

    /** Telegram's HTML parse mode. */
    public static final Surface TELEGRAM_HTML = new Surface(TelegramHtml::escape, "<blockquote>", "</blockquote>", "",
            "<b>", "</b>", "<b>", "</b>", "<i>", "</i>", "<b>", "</b>", "<i>", "</i>",
            (url, text) -> "<a href=\"" + TelegramHtml.escapeAttribute(url) + "\">" + TelegramHtml.escape(text) + "</a>");

    private final SurfaceRenderer renderer;

    public ReplyRenderer() {
        this(TELEGRAM_LIMIT);
    }

    /** A renderer with another message limit (tests). */
    public ReplyRenderer(int limit) {
        this.renderer = new SurfaceRenderer(TELEGRAM_HTML, limit);
    }

    /** The messages to send, in order; never empty. */
    public List<MessagePart> render(BotReply reply) {
        return renderer.parts(reply);
    }

    /** One message showing the start of a reply (for a message edited while an answer is streamed). */
    public MessagePart preview(BotReply reply) {
        return renderer.preview(reply);
    }
}
