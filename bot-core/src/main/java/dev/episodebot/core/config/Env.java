package dev.episodebot.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validated access to configuration variables. Blank values count as unset. Error
 * messages name the variable and never include secret values.
 */
public final class Env {

    private final Map<String, String> values;

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment. */
    public static Env system() {
        return new Env(System.getenv());
    }

    /** A copy with more values; {@code overrides} win. */
    public Env with(Map<String, String> overrides) {
        java.util.HashMap<String, String> merged = new java.util.HashMap<>(values);
        overrides.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return new Env(merged);
    }

    /** Every variable, as given (for {@code SecretRedactor.fromEnv}). */
    public Map<String, String> values() {
        return values;
    }

    /** The trimmed value, or empty when unset or blank. */
    public Optional<String> get(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    public String string(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    public Path path(String name, String defaultValue) {
        String value = string(name, defaultValue);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(name + " must be a file system path, got '" + value + "'.");
        }
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    name + " must be a whole number from " + min + " to " + max + ", got '" + value.get() + "'.");
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on":
                return true;
            case "false", "no", "0", "off":
                return false;
            default:
                throw new ConfigException(name + " must be true or false, got '" + value.get() + "'.");
        }
    }

    /** A duration given in seconds ({@code 30}, {@code 2.5}) or with a unit ({@code 30s}, {@code 500ms}, {@code 2m}). */
    public Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        try {
            Duration parsed;
            if (v.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            } else if (v.endsWith("s")) {
                parsed = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 1000));
            } else if (v.endsWith("m")) {
                parsed = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 60_000));
            } else {
                parsed = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
            }
            if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a duration from " + spoken(min) + " to " + spoken(max)
                    + " (in seconds, or with a unit: e.g. " + spoken(defaultValue) + "), got '" + value.get() + "'.");
        }
    }

    /** A duration as it may be written back in the variable: {@code 500ms}, {@code 2.5s}, {@code 30s}. */
    static String spoken(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + "s";
    }

    /** One of {@code allowed} (lower-cased). */
    public String choice(String name, String defaultValue, Set<String> allowed) {
        String value = string(name, defaultValue).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigException(name + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                    + ", got '" + value + "'.");
        }
        return value;
    }

    /** An absolute http(s) URL without a trailing slash, or empty when unset. */
    public Optional<URI> httpUrl(String name) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parseHttpUrl(name, value.get(), Set.of("http", "https")));
    }

    /** An absolute URL with one of the given schemes, or empty when unset. */
    public Optional<URI> url(String name, Set<String> schemes) {
        return get(name).map(v -> parseHttpUrl(name, v, schemes));
    }

    private static URI parseHttpUrl(String name, String raw, Set<String> schemes) {
        String v = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        try {
            URI uri = new URI(v);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new URISyntaxException(v, "not absolute");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " must be an absolute " + String.join("/", new java.util.TreeSet<>(schemes))
                    + " URL such as " + (schemes.contains("http") ? "http://127.0.0.1:8080" : "wss://gateway.example")
                    + ", got '" + raw + "'.");
        }
    }

    /**
     * An IP address literal ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::1}); never a host name, so
     * nothing is looked up.
     */
    public java.net.InetAddress ipAddress(String name, String defaultValue) {
        String value = string(name, defaultValue);
        boolean ipv4 = value.matches("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
        String message = name + " must be an IP address such as 127.0.0.1 or 0.0.0.0, got '" + value + "'.";
        if (!ipv4 && !value.matches("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
            throw new ConfigException(message);
        }
        try {
            return java.net.InetAddress.getByName(value); // a literal address: no name lookup
        } catch (java.net.UnknownHostException e) {
            throw new ConfigException(message);
        }
    }

    /** A secret: never echoed in errors. */
    public Optional<String> secret(String name) {
        Optional<String> value = get(name);
        value.ifPresent(v -> {
            if (v.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new ConfigException(name + " must not contain spaces or control characters.");
            }
        });
        return value;
    }

    /**
     * Refuses settings that mean nothing without {@code required}: when it is unset and one of
     * {@code dependents} is set, stops with one sentence naming both.
     *
     * @param whatRequiredDoes what to set {@code required} for, e.g. {@code "(such as redis://host:6379) to share state"}
     */
    public void rejectWithout(String required, String whatRequiredDoes, java.util.List<String> dependents) {
        if (get(required).isPresent()) {
            return;
        }
        for (String other : dependents) {
            if (get(other).isPresent()) {
                throw new ConfigException(other + " is set but " + required + " is not: set " + required + " "
                        + whatRequiredDoes + ", or unset " + other + ".");
            }
        }
    }
}
