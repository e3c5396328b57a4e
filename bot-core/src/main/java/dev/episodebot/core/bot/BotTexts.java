package dev.episodebot.core.bot;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotReply;
import dev.episodebot.core.Connection;
import dev.episodebot.core.Item;
import dev.episodebot.core.Language;
import dev.episodebot.core.ReplyKind;
import dev.episodebot.core.knowledge.SkippedFile;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.index.RefreshReport;
import dev.episodebot.core.index.SourceSummary;
import dev.episodebot.core.state.StateBackend;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.Display;
import dev.episodebot.core.text.UiText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The replies of the informational commands and the refusals, from the {@link Catalog}. Every
 * reply is bounded whatever the knowledge holds: titles and file names are shortened for display,
 * {@code /help} names a few episodes, {@code /sources} outside a direct chat is a one-message
 * summary, {@code /status} lists a few skipped files.
 */
final class BotTexts {

    /** Episodes named by {@code /help}. */
    static final int HELP_EPISODES = 5;
    /** Files named by the {@code /sources} summary in a group. */
    static final int SUMMARY_FILES = 10;
    /** Skipped files listed by {@code /status}. */
    static final int STATUS_SKIPPED = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private BotTexts() {}

    static BotReply help(Language language, List<String> titles) {
        String episodes;
        if (titles.isEmpty()) {
            episodes = Catalog.text(language, UiText.HELP_NO_EPISODES);
        } else {
            String named = Catalog.list(language,
                    titles.subList(0, Math.min(HELP_EPISODES, titles.size())).stream().map(Display::title).toList());
            if (titles.size() > HELP_EPISODES) {
                named = Catalog.text(language, UiText.HELP_MORE_EPISODES, named, titles.size() - HELP_EPISODES);
            }
            episodes = Catalog.text(language, UiText.HELP_EPISODES, named);
        }
        BotReply.Builder reply = BotReply.builder(ReplyKind.HELP, language)
                .lead(episodes + "\n" + Catalog.text(language, UiText.HELP_HOW_TO));
        for (BotCommand c : BotCommand.values()) {
            String argument = c == BotCommand.ASK ? " " + Catalog.text(language, UiText.COMMAND_ASK_ARGUMENT) : "";
            reply.item(Item.of("/" + c.word() + argument + " \u2014 " + c.description(language)));
        }
        return reply.build();
    }

    /**
     * The knowledge files: in a direct chat every file, one item each; elsewhere a summary that fits
     * in one message (counts and the first few files).
     */
    static BotReply sources(Language language, List<SourceSummary> sources, boolean direct) {
        if (sources.isEmpty()) {
            return BotReply.of(ReplyKind.SOURCES, Catalog.text(language, UiText.SOURCES_EMPTY), language);
        }
        BotReply.Builder reply = BotReply.builder(ReplyKind.SOURCES, language);
        if (direct) {
            reply.lead(Catalog.text(language, UiText.SOURCES_HEADER));
            for (SourceSummary s : sources) {
                reply.item(Item.of(Catalog.text(language, UiText.SOURCES_ENTRY, Display.title(s.title()),
                        Display.file(s.source()), s.chunks())));
            }
            return reply.build();
        }
        long chunks = 0;
        for (SourceSummary s : sources) {
            chunks += s.chunks();
        }
        List<String> lines = new ArrayList<>();
        lines.add(Catalog.text(language, UiText.SOURCES_SUMMARY, sources.size(), chunks));
        for (SourceSummary s : sources.subList(0, Math.min(SUMMARY_FILES, sources.size()))) {
            lines.add("\u2022 " + Catalog.text(language, UiText.SOURCES_SUMMARY_ENTRY, Display.title(s.title()), s.chunks()));
        }
        if (sources.size() > SUMMARY_FILES) {
            lines.add(Catalog.text(language, UiText.SOURCES_SUMMARY_MORE, sources.size() - SUMMARY_FILES));
        }
        lines.add(Catalog.text(language, UiText.SOURCES_FULL_LIST_HINT));
        return reply.lead(String.join("\n", lines)).build();
    }

    static String status(Language language, IndexState index, RefreshReport last, boolean llm, int conversations,
            java.nio.file.Path dir, StateBackend backend, List<Connection> connections) {
        List<String> lines = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(dir)) {
            lines.add(Catalog.text(language, UiText.STATUS_NO_FOLDER));
        }
        lines.add(Catalog.text(language, UiText.STATUS_KNOWLEDGE, index.sources().size(), index.chunks().size(),
                index.model().displayName()));
        if (last != null) {
            lines.add(Catalog.text(language, UiText.STATUS_LAST_REFRESH, TIME.format(last.finishedAt()),
                    String.format(Locale.ROOT, "%.2f", last.duration().toMillis() / 1000.0), last.added(),
                    last.changed(), last.removed(), last.embedded(), last.reused()));
            if (!last.applied()) {
                lines.add(Catalog.text(language, UiText.STATUS_KEPT_PREVIOUS, last.problem()));
            }
        }
        List<SkippedFile> skipped = last != null ? last.skipped() : index.skipped();
        if (!skipped.isEmpty()) {
            lines.add(Catalog.text(language, UiText.STATUS_SKIPPED, skipped.size()));
            for (SkippedFile s : skipped.subList(0, Math.min(STATUS_SKIPPED, skipped.size()))) {
                lines.add("\u2022 " + Display.file(s.source()) + ": " + Display.shorten(s.reason(), 300));
            }
            if (skipped.size() > STATUS_SKIPPED) {
                lines.add(Catalog.text(language, UiText.STATUS_SKIPPED_MORE, skipped.size() - STATUS_SKIPPED));
            }
        }
        lines.add(Catalog.text(language, llm ? UiText.STATUS_ANSWERS_LLM : UiText.STATUS_ANSWERS_EXTRACTIVE));
        lines.add(Catalog.text(language, UiText.STATUS_CONVERSATIONS, conversations));
        if (backend.shared()) {
            lines.add(Catalog.text(language, backend.reachable() ? UiText.STATUS_SHARED_REACHABLE
                    : UiText.STATUS_SHARED_UNREACHABLE, backend.description()));
        }
        if (!connections.isEmpty()) {
            List<String> states = connections.stream().map(c -> Catalog.text(language,
                    c.connected() ? UiText.STATUS_CONNECTED : UiText.STATUS_DISCONNECTED, c.name())).toList();
            lines.add(Catalog.text(language, UiText.STATUS_CONNECTIONS, Catalog.list(language, states)));
        }
        return String.join("\n", lines);
    }

    static String emptyQuestion(Language language) {
        return Catalog.text(language, UiText.EMPTY_QUESTION);
    }

    static String tooLong(Language language, int max) {
        return Catalog.text(language, UiText.TOO_LONG, max);
    }

    static String rateLimited(Language language, long seconds) {
        return Catalog.text(language, UiText.RATE_LIMITED, seconds);
    }

    static String busy(Language language) {
        return Catalog.text(language, UiText.BUSY);
    }

    static String notAdmin(Language language) {
        return Catalog.text(language, UiText.NOT_ADMIN);
    }

    static String newConversation(Language language) {
        return Catalog.text(language, UiText.NEW_CONVERSATION);
    }

    /** After {@code /reload}; {@code report} is null when no refresh has finished. */
    static String reloaded(Language language, RefreshReport report) {
        if (report == null) {
            return Catalog.text(language, UiText.RELOADED, "").strip();
        }
        return report.applied() ? Catalog.text(language, UiText.RELOADED, report.logLine())
                : Catalog.text(language, UiText.RELOAD_KEPT, report.problem());
    }

    static String internalError(Language language) {
        return Catalog.text(language, UiText.ERROR);
    }
}
