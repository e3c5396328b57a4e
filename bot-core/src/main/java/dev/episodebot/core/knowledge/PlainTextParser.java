package dev.episodebot.core.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code .txt} and {@code .md}: every non-blank line is transcript text. An optional front matter
 * block at the top names the episode: either YAML-style between {@code ---} lines, or plain
 * {@code title:} / {@code url:} lines before the first blank line.
 */
public final class PlainTextParser implements TranscriptParser {

    @Override
    public Transcript parse(String source, String text) throws KnowledgeFormatException {
        String[] rawLines = TextLines.split(text);
        String title = null;
        String url = null;
        int first = 0;
        if (rawLines.length > 0 && rawLines[0].strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < Math.min(rawLines.length, 50); i++) {
                if (rawLines[i].strip().equals("---")) {
                    end = i;
                    break;
                }
            }
            if (end > 0) {
                for (int i = 1; i < end; i++) {
                    String[] kv = keyValue(rawLines[i]);
                    if (kv != null && kv[0].equals("title")) {
                        title = kv[1];
                    } else if (kv != null && kv[0].equals("url")) {
                        url = kv[1];
                    }
                }
                first = end + 1;
            }
        } else {
            int i = 0;
            while (i < rawLines.length && i < 10) {
                String[] kv = keyValue(rawLines[i]);
                if (kv == null || !(kv[0].equals("title") || kv[0].equals("url"))) {
                    break;
                }
                if (kv[0].equals("title")) {
                    title = kv[1];
                } else {
                    url = kv[1];
                }
                i++;
            }
            first = i;
        }
        url = EpisodeLink.accept(url);
        List<TranscriptLine> lines = new ArrayList<>();
        for (int i = first; i < rawLines.length; i++) {
            String line = TextCleaner.clean(rawLines[i]);
            if (!line.isBlank()) {
                lines.add(TranscriptLine.untimed(i + 1, line));
            }
        }
        if (lines.isEmpty()) {
            throw new KnowledgeFormatException("no text");
        }
        return new Transcript(source, title, url, lines);
    }

    private static String[] keyValue(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > 12) {
            return null;
        }
        String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        if (!key.matches("[a-z_]+") || value.isEmpty()) {
            return null;
        }
        return new String[] {key, value};
    }
}
