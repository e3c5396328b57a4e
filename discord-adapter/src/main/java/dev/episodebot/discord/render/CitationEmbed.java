package dev.episodebot.discord.render;

import dev.episodebot.core.Citation;
import dev.episodebot.core.Language;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The citations of a reply as one embed: a field per citation, named by its episode and
 * {@link Citation#label() label}, holding the quoted transcript (escaped, shortened) and a link to
 * the moment in the episode when the core has one. Stays within Discord's embed limits.
 */
public final class CitationEmbed {

    /** At most this many citations are shown. */
    public static final int MAX_CITATIONS = 10;

    /** A quote longer than this is shortened with an ellipsis. */
    public static final int MAX_QUOTE_CHARS = 300;

    private static final int COLOR = 0x5865F2;

    private CitationEmbed() {}

    /** The embed for the citations, or empty when there are none. */
    public static Optional<MessageEmbed> of(List<Citation> citations, Language language) {
        if (citations.isEmpty()) {
            return Optional.empty();
        }
        EmbedBuilder embed = new EmbedBuilder().setTitle(AdapterTexts.sources(language)).setColor(COLOR);
        int shown = 0;
        for (Citation citation : citations) {
            String name = shorten(DiscordMarkdown.escape(fieldName(citation)), MessageEmbed.TITLE_MAX_LENGTH);
            String value = shorten(fieldValue(citation), MessageEmbed.VALUE_MAX_LENGTH);
            if (shown == MAX_CITATIONS
                    || embed.length() + name.length() + value.length() > MessageEmbed.EMBED_MAX_LENGTH_BOT) {
                break;
            }
            embed.addField(name, value, false);
            shown++;
        }
        return Optional.of(embed.build());
    }

    private static String fieldName(Citation citation) {
        return citation.title() == null || citation.title().isBlank()
                ? citation.label()
                : citation.title().strip() + " · " + citation.label();
    }

    private static String fieldValue(Citation citation) {
        String quote = citation.quote().replaceAll("\\s+", " ").strip();
        StringBuilder value = new StringBuilder();
        if (!quote.isEmpty()) {
            value.append("> ").append(DiscordMarkdown.escape(shorten(quote, MAX_QUOTE_CHARS)));
        }
        link(citation).ifPresent(link -> {
            if (value.length() > 0) {
                value.append('\n');
            }
            value.append(link);
        });
        return value.length() == 0 ? AdapterTexts.empty() : value.toString();
    }

    /** A masked link to the moment, for http(s) URLs only. */
    private static Optional<String> link(Citation citation) {
        String url = citation.url();
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return Optional.empty();
        }
        String safeUrl = url.replace(")", "%29").replace(" ", "%20");
        String text = citation.start() == null ? "▶" : "▶ " + citation.start();
        return Optional.of("[" + text + "](" + safeUrl + ")");
    }

    private static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
