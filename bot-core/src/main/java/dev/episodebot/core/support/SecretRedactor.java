package dev.episodebot.core.support;

import dev.episodebot.core.config.Env;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets in text shown to anyone: log lines (the log layout) and every reply the core
 * returns. It masks the configured secrets in every form in which they travel (as given,
 * URL-encoded, a Telegram token's part after the colon), any piece of at least
 * {@value #MIN_PIECE} characters that starts or ends like one of them (a secret cut by a
 * truncation, or echoed in part), and anything shaped like a bot token or API key whether
 * configured or not ({@code 123456:AA…} Telegram tokens, {@code /bot<token>/} paths, Discord tokens,
 * {@code sk-…} keys, {@code Bearer …}, {@code NAME_TOKEN=…} / {@code API_KEY: …} assignments).
 * Every mask is {@value #MASK}. Immutable and thread-safe; {@link #toString()} never shows a value.
 */
public final class SecretRedactor {

    /** What a masked secret looks like. */
    public static final String MASK = "***";
    /** The shortest piece of a configured secret that is masked on its own. */
    public static final int MIN_PIECE = 8;
    /** Shorter values are not treated as secrets (they would mask ordinary words). */
    static final int MIN_SECRET = 6;

    /** The variables that hold secrets by name; others count when their name ends like one of {@link #SECRET_SUFFIXES}. */
    public static final List<String> SECRET_VARIABLES = List.of("TELEGRAM_BOT_TOKEN", "DISCORD_TOKEN", "LLM_API_KEY");
    private static final List<String> SECRET_SUFFIXES = List.of("_TOKEN", "_API_KEY", "_SECRET", "_PASSWORD");

    private static final List<Pattern> SHAPES = List.of(
            // a NAME_TOKEN=…, API_KEY: … or password="…" assignment (a .env or config line): the value
            Pattern.compile("(?i)(\\b[A-Z0-9_]*(?:TOKEN|API[_-]?KEY|SECRET|PASSWORD|PASSWD)\\b[\"']?\\s*[=:]\\s*[\"']?)"
                    + "[^\\s\"'<>,;]{6,}"),
            Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}"),
            // a Bot API path /bot<id>:<secret>/…, the colon maybe URL-encoded (not /botanical/ or //bot.example.com/)
            Pattern.compile("(?i)(/bot)[0-9]{3,12}(?::|%3A)[^/\\s]{4,}(?=/)"),
            // Telegram bot tokens: bot id, colon, 35 characters
            Pattern.compile("()\\b[0-9]{5,12}:[A-Za-z0-9_-]{20,}"),
            // Discord bot tokens: three base64url parts separated by dots
            Pattern.compile("()\\b[A-Za-z0-9_-]{23,28}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,}"),
            // OpenAI-style and other vendors' API keys
            Pattern.compile("()\\bsk-[A-Za-z0-9_-]{16,}"),
            Pattern.compile("()\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}"
                    + "|AIza[0-9A-Za-z_-]{35}|AKIA[0-9A-Z]{16}|hf_[A-Za-z0-9]{30,})"));

    private static final SecretRedactor SHAPES_ONLY = new SecretRedactor(List.of());
    private static volatile SecretRedactor installed = SHAPES_ONLY;

    /** Every form of every secret, longest first. */
    private final List<String> forms;

    private SecretRedactor(List<String> forms) {
        this.forms = forms;
    }

    /** A redactor for these secret values (blank and very short values are ignored). */
    public static SecretRedactor of(Iterable<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.strip().length() < MIN_SECRET) {
                continue;
            }
            forms.addAll(formsOf(secret.strip()));
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretRedactor(List.copyOf(sorted));
    }

    /**
     * The forms in which a secret travels: as given, URL-encoded, with its colon encoded, and — for a
     * Telegram token — the part after the colon when it has at least {@value #MIN_PIECE} characters.
     */
    public static List<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(secret.replace(":", "%3A"));
        int colon = secret.indexOf(':');
        if (colon >= 0 && secret.length() - colon - 1 >= MIN_PIECE) {
            forms.add(secret.substring(colon + 1)); // a Telegram token's secret part
        }
        return List.copyOf(forms);
    }

    /** The secrets configured in {@code env}: {@link #SECRET_VARIABLES} and every {@code *_TOKEN}, {@code *_API_KEY}, … */
    public static SecretRedactor fromEnv(Env env) {
        return of(secretValues(env.values()));
    }

    static List<String> secretValues(Map<String, String> variables) {
        List<String> values = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (SECRET_VARIABLES.contains(name) || SECRET_SUFFIXES.stream().anyMatch(name::endsWith)) {
                values.add(value);
            }
        });
        return values;
    }

    /** A redactor that masks only secret-shaped text (no configured secret). */
    public static SecretRedactor shapesOnly() {
        return SHAPES_ONLY;
    }

    /** Adds the secrets of {@code redactor} to the process-wide one {@link #installed()} returns (the log layout's). */
    public static synchronized void register(SecretRedactor redactor) {
        Set<String> union = new LinkedHashSet<>(installed.forms);
        if (union.addAll(redactor.forms)) {
            List<String> sorted = new ArrayList<>(union);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            installed = new SecretRedactor(List.copyOf(sorted));
        }
    }

    /** The process-wide redactor: every secret {@link #register registered} so far, and the shapes. */
    public static SecretRedactor installed() {
        return installed;
    }

    /** {@code text} with every secret masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String form : forms) {
            result = maskPieces(result, form);
        }
        for (Pattern shape : SHAPES) {
            result = shape.matcher(result).replaceAll("$1" + MASK);
        }
        return result;
    }

    /** Masks {@code secret}, and every run of {@value #MIN_PIECE}+ characters that is a prefix or suffix of it. */
    private static String maskPieces(String text, String secret) {
        if (text.contains(secret)) {
            text = text.replace(secret, MASK);
        }
        if (secret.length() < MIN_PIECE) {
            return text;
        }
        String head = secret.substring(0, MIN_PIECE);
        String tail = secret.substring(secret.length() - MIN_PIECE);
        if (!text.contains(head) && !text.contains(tail)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int nextTail = text.indexOf(tail);
        int i = 0;
        while (i < text.length()) {
            int prefix = text.startsWith(head, i) ? commonPrefix(text, i, secret) : 0;
            if (prefix >= MIN_PIECE) {
                sb.append(MASK);
                i += prefix;
            } else if (i == nextTail) {
                // a suffix ends with this tail: extend it back over what was copied
                sb.append(tail);
                i += tail.length();
                sb.setLength(sb.length() - commonSuffix(sb, secret));
                sb.append(MASK);
            } else {
                sb.append(text.charAt(i));
                i++;
            }
            if (nextTail >= 0 && nextTail < i) {
                nextTail = text.indexOf(tail, i);
            }
        }
        return sb.toString();
    }

    private static int commonPrefix(String text, int from, String secret) {
        int n = 0;
        while (from + n < text.length() && n < secret.length() && text.charAt(from + n) == secret.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(CharSequence text, String secret) {
        int n = 0;
        while (n < text.length() && n < secret.length()
                && text.charAt(text.length() - 1 - n) == secret.charAt(secret.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    /** How many forms of secrets are masked (never the values). */
    @Override
    public String toString() {
        return "SecretRedactor[" + forms.size() + " secret forms]";
    }
}
