package dev.episodebot.core.text;

/**
 * Every user-visible text of the bot (core, Telegram, Discord, console), by key. The texts
 * themselves are in the catalog, {@code dev/episodebot/core/text/messages.properties} (English)
 * and {@code messages_zh.properties} (Chinese), as {@link java.text.MessageFormat} patterns.
 */
public enum UiText {
    // answers
    ANSWER_INTRO("answer.intro"),
    ANSWER_INTRO_ORIGINAL("answer.intro.original"),
    ANSWER_ALSO("answer.also"),
    ANSWER_LIST("answer.list"),
    ANSWER_LIST_ORIGINAL("answer.list.original"),
    ANSWER_SOURCES("answer.sources"),
    ANSWER_FOLLOW_UPS("answer.followUps"),
    NOT_COVERED("answer.notCovered"),
    NOT_COVERED_EPISODES("answer.notCovered.episodes"),
    NO_KNOWLEDGE("answer.noKnowledge"),
    LLM_UNAVAILABLE("answer.llmUnavailable"),
    LLM_UNSOURCED("answer.llmUnsourced"),
    // citations
    CITATION_PREFIX("citation.prefix"),
    CITATION_LINE("citation.line"),
    CITATION_LINES("citation.lines"),
    LIST_SEPARATOR("list.separator"),
    // commands
    COMMAND_ASK("command.ask"),
    COMMAND_HELP("command.help"),
    COMMAND_SOURCES("command.sources"),
    COMMAND_NEW("command.new"),
    COMMAND_STATUS("command.status"),
    COMMAND_RELOAD("command.reload"),
    COMMAND_ASK_ARGUMENT("command.ask.argument"),
    COMMAND_ASK_OPTION("command.ask.option"),
    COMMAND_OUTLINE("command.outline"),
    COMMAND_SUMMARY("command.summary"),
    COMMAND_SEARCH("command.search"),
    COMMAND_EPISODE_OPTION("command.episode.option"),
    COMMAND_SEARCH_OPTION("command.search.option"),
    // outline, summary, search
    OUTLINE_LEAD("outline.lead"),
    OUTLINE_SECTION("outline.section"),
    SUMMARY_LEAD("summary.lead"),
    SUMMARY_LLM_LEAD("summary.llmLead"),
    SUMMARY_SOURCES("summary.sources"),
    SUMMARY_KEYWORDS("summary.keywords"),
    SUMMARY_NAMES("summary.names"),
    SUMMARY_OUTLINE_HEADING("summary.outlineHeading"),
    SUMMARY_OUTLINE_HINT("summary.outlineHint"),
    OVERVIEW_LEAD("overview.lead"),
    OVERVIEW_LLM_UNAVAILABLE("overview.llmUnavailable"),
    EPISODE_CHOOSE("episode.choose"),
    EPISODE_UNKNOWN("episode.unknown"),
    SEARCH_EMPTY("search.empty"),
    SEARCH_TOO_LONG("search.tooLong"),
    SEARCH_LEAD("search.lead"),
    SEARCH_NO_MATCH("search.noMatch"),
    SEARCH_TRUNCATED("search.truncated"),
    PAGE_OF("page.of"),
    // help
    HELP_EPISODES("help.episodes"),
    HELP_MORE_EPISODES("help.moreEpisodes"),
    HELP_NO_EPISODES("help.noEpisodes"),
    HELP_HOW_TO("help.howTo"),
    // sources
    SOURCES_EMPTY("sources.empty"),
    SOURCES_HEADER("sources.header"),
    SOURCES_ENTRY("sources.entry"),
    SOURCES_SUMMARY("sources.summary"),
    SOURCES_SUMMARY_ENTRY("sources.summary.entry"),
    SOURCES_SUMMARY_MORE("sources.summary.more"),
    SOURCES_FULL_LIST_HINT("sources.fullListHint"),
    // status
    STATUS_NO_FOLDER("status.noFolder"),
    STATUS_KNOWLEDGE("status.knowledge"),
    STATUS_LAST_REFRESH("status.lastRefresh"),
    STATUS_KEPT_PREVIOUS("status.keptPrevious"),
    STATUS_SKIPPED("status.skipped"),
    STATUS_SKIPPED_MORE("status.skippedMore"),
    STATUS_ANSWERS_LLM("status.answers.llm"),
    STATUS_ANSWERS_EXTRACTIVE("status.answers.extractive"),
    STATUS_CONVERSATIONS("status.conversations"),
    STATUS_SHARED_REACHABLE("status.shared.reachable"),
    STATUS_SHARED_UNREACHABLE("status.shared.unreachable"),
    STATUS_CONNECTIONS("status.connections"),
    STATUS_CONNECTED("status.connected"),
    STATUS_DISCONNECTED("status.disconnected"),
    // refusals and notices
    EMPTY_QUESTION("refusal.emptyQuestion"),
    TOO_LONG("refusal.tooLong"),
    RATE_LIMITED("refusal.rateLimited"),
    NOT_ADMIN("refusal.notAdmin"),
    BUSY("busy"),
    RESTARTING("restarting"),
    ERROR("error"),
    NEW_CONVERSATION("info.newConversation"),
    RELOADED("info.reloaded"),
    RELOAD_KEPT("info.reloadKept"),
    UNKNOWN_COMMAND("info.unknownCommand"),
    EMPTY_REPLY("info.emptyReply"),
    // buttons
    FEEDBACK_THANKS("feedback.thanks"),
    FEEDBACK_EXPIRED("feedback.expired"),
    MORE_BUTTON("more.button"),
    MORE_EXPIRED("more.expired"),
    // platform bits
    THREAD_DEFAULT_NAME("thread.defaultName"),
    CONSOLE_GREETING("console.greeting");

    private final String key;

    UiText(String key) {
        this.key = key;
    }

    /** The key in the catalog. */
    public String key() {
        return key;
    }
}
