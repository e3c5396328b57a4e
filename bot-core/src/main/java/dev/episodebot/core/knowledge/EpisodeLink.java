package dev.episodebot.core.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/** The episode link of a front matter: only {@code http} and {@code https} (in any case), one word, of sane length. */
final class EpisodeLink {

    static final int MAX_LENGTH = 2048;
    private static final Pattern HTTP = Pattern.compile("(?i)^(https?)://[^\\s<>\"]+$");

    private EpisodeLink() {}

    /** {@code url} with its scheme in lower case, or null when it is not an http(s) link. */
    static String accept(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            return null;
        }
        String link = url.strip();
        var m = HTTP.matcher(link);
        if (!m.matches()) {
            return null;
        }
        return m.group(1).toLowerCase(Locale.ROOT) + link.substring(m.end(1));
    }
}
