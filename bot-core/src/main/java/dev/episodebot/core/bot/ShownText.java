package dev.episodebot.core.bot;

import dev.episodebot.core.support.DisplayText;
import dev.episodebot.core.support.SecretRedactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What every text the core returns goes through before a user (or the console) sees it: control
 * and bidi characters removed ({@link DisplayText#clean}), secrets masked ({@link SecretRedactor}),
 * and the bot's own folders named instead of shown as absolute paths.
 */
public final class ShownText implements UnaryOperator<String> {

    private static final Pattern ABSOLUTE_PATH = Pattern.compile(
            "(?<![\\w.~/:])(?:/[^\\s/:'\"()\\[\\]<>]+)+/([^\\s/:'\"()\\[\\]<>]+)");

    private final SecretRedactor secrets;
    /** Absolute folder path (as configured and as resolved) → the name shown instead, longest first. */
    private final Map<String, String> folders;

    /**
     * @param secrets masks tokens and keys
     * @param folders the bot's folders (knowledge, cache, data) and the names to show for them
     */
    public ShownText(SecretRedactor secrets, Map<Path, String> folders) {
        this.secrets = secrets;
        Map<String, String> byPath = new LinkedHashMap<>();
        folders.forEach((folder, name) -> {
            if (folder == null) {
                return;
            }
            Path absolute = folder.toAbsolutePath().normalize();
            byPath.put(absolute.toString(), name);
            try {
                byPath.put(absolute.toRealPath().toString(), name);
            } catch (IOException | SecurityException e) {
                // not there (yet): the configured form is enough
            }
        });
        List<Map.Entry<String, String>> entries = new ArrayList<>(byPath.entrySet());
        entries.removeIf(e -> e.getKey().equals("/"));
        entries.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        Map<String, String> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        this.folders = sorted;
    }

    @Override
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String shown = secrets.redact(DisplayText.clean(text));
        for (Map.Entry<String, String> folder : folders.entrySet()) {
            if (shown.contains(folder.getKey())) {
                shown = shown.replace(folder.getKey() + "/", "").replace(folder.getKey(), folder.getValue());
            }
        }
        return shown;
    }

    /**
     * For the texts made of system messages ({@code /status}, {@code /reload}): {@link #apply}, and
     * every other absolute path cut to its last name ({@code …/locked.txt}).
     */
    public String withoutPaths(String text) {
        return ABSOLUTE_PATH.matcher(apply(text)).replaceAll("…/$1");
    }

}
