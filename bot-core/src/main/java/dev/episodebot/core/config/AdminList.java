package dev.episodebot.core.config;

import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code BOT_ADMINS}: who may run admin commands, as {@code platform:numeric-id} entries
 * (usernames are never accepted: they can change hands). The console is always admin.
 */
public record AdminList(Set<String> entries) {

    private static final Pattern ENTRY = Pattern.compile("(telegram|discord):[0-9]{1,20}");

    public AdminList {
        entries = Set.copyOf(entries);
    }

    public static AdminList none() {
        return new AdminList(Set.of());
    }

    /** Parses a comma list such as {@code telegram:123456,discord:987654321}. */
    public static AdminList parse(String variable, String value) {
        Set<String> entries = new LinkedHashSet<>();
        if (value != null) {
            for (String raw : value.split(",")) {
                String entry = raw.strip().toLowerCase(java.util.Locale.ROOT);
                if (entry.isEmpty()) {
                    continue;
                }
                if (!ENTRY.matcher(entry).matches()) {
                    throw new ConfigException(variable + " must be a comma list of platform:numeric-id such as "
                            + "telegram:123456,discord:987654321, got '" + raw.strip() + "'.");
                }
                entries.add(entry);
            }
        }
        return new AdminList(entries);
    }

    /** Whether the request's user is an admin. */
    public boolean isAdmin(BotRequest request) {
        if (request.platform() == Platform.CONSOLE) {
            return true;
        }
        return entries.contains(request.qualifiedUserId());
    }
}
