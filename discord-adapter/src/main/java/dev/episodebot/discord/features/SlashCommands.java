package dev.episodebot.discord.features;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.Language;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash commands, one per core {@link BotCommand} ({@code /ask question:}, {@code /sources},
 * {@code /new}, {@code /status}, {@code /help}, {@code /reload}, {@code /outline episode:},
 * {@code /summary episode:} with the episode suggested as typed, {@code /search term:}), with Chinese descriptions for
 * Chinese clients, and their registration: to one server when {@code DISCORD_GUILD_ID} is set
 * (instant, for testing), else globally (usable in servers and in DMs with the bot).
 *
 * <p>{@code /reload} is visible to everyone on purpose: who may reload is decided by the core from
 * {@code BOT_ADMINS}, whatever the server's permissions say.
 */
public final class SlashCommands {

    /** The option of {@code /ask}. */
    public static final String QUESTION_OPTION = "question";
    /** The option of {@code /outline} and {@code /summary}, suggested from the knowledge titles. */
    public static final String EPISODE_OPTION = "episode";
    /** The option of {@code /search}. */
    public static final String TERM_OPTION = "term";

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);

    private SlashCommands() {}

    /** The command definitions, in {@link BotCommand} order. */
    public static List<SlashCommandData> definitions() {
        List<SlashCommandData> commands = new ArrayList<>();
        for (BotCommand command : BotCommand.values()) {
            SlashCommandData data = Commands.slash(command.word(), command.description(Language.EN))
                    .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, command.description(Language.ZH));
            if (command == BotCommand.ASK) {
                data.addOptions(new OptionData(OptionType.STRING, QUESTION_OPTION,
                        Catalog.text(Language.EN, UiText.COMMAND_ASK_OPTION), true)
                        .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA,
                                Catalog.text(Language.ZH, UiText.COMMAND_ASK_OPTION)));
            } else if (command == BotCommand.OUTLINE || command == BotCommand.SUMMARY) {
                data.addOptions(option(EPISODE_OPTION, UiText.COMMAND_EPISODE_OPTION, false).setAutoComplete(true));
            } else if (command == BotCommand.SEARCH) {
                data.addOptions(option(TERM_OPTION, UiText.COMMAND_SEARCH_OPTION, true));
            }
            commands.add(data);
        }
        return commands;
    }

    /** The text option of a command, by name, English and Chinese descriptions from the catalog. */
    public static String optionOf(BotCommand command) {
        return switch (command) {
            case ASK -> QUESTION_OPTION;
            case OUTLINE, SUMMARY -> EPISODE_OPTION;
            case SEARCH -> TERM_OPTION;
            default -> null;
        };
    }

    private static OptionData option(String name, UiText description, boolean required) {
        return new OptionData(OptionType.STRING, name, Catalog.text(Language.EN, description), required)
                .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, Catalog.text(Language.ZH, description));
    }

    /**
     * Registers (replaces) the bot's commands, in the background.
     *
     * @param guildId the server to register to, or null for global registration
     * @return the registered commands; failures are logged and complete the future exceptionally
     */
    public static CompletableFuture<List<Command>> register(JDA jda, Long guildId) {
        CommandListUpdateAction update;
        String where;
        Guild guild = guildId == null ? null : jda.getGuildById(guildId);
        if (guildId != null && guild == null) {
            LOG.warn("DISCORD_GUILD_ID {} is not a server the bot is in; registering the slash commands globally "
                    + "instead (they can take up to an hour to appear).", Long.toUnsignedString(guildId));
        }
        if (guild != null) {
            update = guild.updateCommands();
            where = "server " + guild.getId();
        } else {
            update = jda.updateCommands();
            where = "all servers and DMs";
        }
        return update.addCommands(definitions()).submit().whenComplete((commands, error) -> {
            if (error != null) {
                LOG.error("Could not register the slash commands for {}: {} (was the bot invited with the "
                        + "applications.commands scope?)", where, error.toString());
            } else {
                LOG.info("Registered slash commands for {}: {}", where,
                        commands.stream().map(c -> "/" + c.getName()).collect(Collectors.joining(" ")));
            }
        });
    }
}
