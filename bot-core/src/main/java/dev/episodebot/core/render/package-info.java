/**
 * Rendering a {@link dev.episodebot.core.BotReply}, the parts every surface shares:
 * {@link dev.episodebot.core.render.ReplyLayout} lays a reply out as
 * {@link dev.episodebot.core.render.Block blocks} (each quote once, its answering line marked, one
 * compact {@link dev.episodebot.core.render.CitationText citation line} per quote);
 * {@link dev.episodebot.core.render.SurfaceRenderer} writes each block in a
 * {@link dev.episodebot.core.render.Surface surface's} markup (Telegram HTML, Discord Markdown, plain
 * text) and {@link dev.episodebot.core.render.MessageSplitter} packs the result into messages within a limit,
 * never cutting inside a tag, an entity or an escape; {@link dev.episodebot.core.render.Continuations}
 * keeps what lies past the per-reply message cap for a "more" button, whose data (and the feedback
 * buttons') {@link dev.episodebot.core.render.ReplyButtons} encodes.
 * {@link dev.episodebot.core.render.PlainTextRenderer} is the console's. Nothing here
 * depends on a platform library.
 */
package dev.episodebot.core.render;
