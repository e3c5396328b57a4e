package dev.episodebot.core.text;

import dev.episodebot.core.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The bot's one zh/en text catalog: {@link UiText} keys, {@link ResourceBundle} properties files
 * read as UTF-8, {@link MessageFormat} patterns (so English plurals are {@code choice} rules in
 * the catalog: {@code 1 chunk}, {@code 2 chunks}). The bundles are read once; a missing key fails
 * at class initialisation, not in front of a user.
 */
public final class Catalog {

    private static final String BUNDLE = "dev.episodebot.core.text.messages";
    private static final Map<Language, Map<UiText, String>> PATTERNS = new EnumMap<>(Language.class);
    /**
     * Parsed patterns, per thread (a {@link MessageFormat} is not thread-safe, and parsing one with
     * number or choice parts costs tens of microseconds, a good part of rendering a reply).
     */
    private static final ThreadLocal<Map<Language, Map<UiText, MessageFormat>>> FORMATS =
            ThreadLocal.withInitial(() -> new EnumMap<>(Language.class));

    static {
        // no fallback to the JVM's default locale: English is the base bundle, Chinese its zh variant
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale(language), Catalog.class.getClassLoader(),
                    control);
            Map<UiText, String> patterns = new EnumMap<>(UiText.class);
            for (UiText text : UiText.values()) {
                patterns.put(text, bundle.getString(text.key()));
            }
            PATTERNS.put(language, patterns);
        }
    }

    private Catalog() {}

    /** The text for {@code key} in {@code language}, with {@code args} filled in. */
    public static String text(Language language, UiText key, Object... args) {
        MessageFormat format = FORMATS.get().computeIfAbsent(language, l -> new EnumMap<>(UiText.class))
                .computeIfAbsent(key, k -> new MessageFormat(PATTERNS.get(language).get(k), locale(language)));
        return format.format(args);
    }

    /** {@code parts} joined with the language's list separator ({@code 、} or {@code , }). */
    public static String list(Language language, List<String> parts) {
        return String.join(text(language, UiText.LIST_SEPARATOR), parts);
    }

    /** The raw pattern (for tests of the catalog itself). */
    static String pattern(Language language, UiText key) {
        return PATTERNS.get(language).get(key);
    }

    private static Locale locale(Language language) {
        return language == Language.ZH ? Locale.CHINESE : Locale.ENGLISH;
    }
}
