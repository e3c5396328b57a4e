/**
 * The zh/en text catalog of every user-visible text ({@link dev.episodebot.core.text.Catalog},
 * keyed by {@link dev.episodebot.core.text.UiText}), and {@link dev.episodebot.core.text.Display},
 * which shortens titles and file names for display.
 */
package dev.episodebot.core.text;
