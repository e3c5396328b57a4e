package dev.episodebot.discord.features;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the slash commands. The interaction is deferred at once (Discord wants an
 * acknowledgement within 3 seconds), then the core's reply is sent through the interaction hook by
 * an answer worker. {@code /ask}, {@code /outline}, {@code /summary} and {@code /search} are
 * answered in public; the other commands privately (ephemeral), as they concern only the user who
 * ran them. The episode option of {@code /outline} and {@code /summary} is suggested from the
 * knowledge titles as the user types.
 *
 * <p>Whether the user may run {@code /reload} is for the core to say ({@code BOT_ADMINS}, matched
 * on the numeric Discord user id), whatever the server's permissions are.
 */
public final class SlashCommandListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommandListener.class);

    private final Answerer answerer;
    private final java.util.function.Supplier<java.util.List<String>> episodes;

    SlashCommandListener(Answerer answerer) {
        this(answerer, java.util.List::of);
    }

    /** @param episodes the titles of the episodes the bot knows, for suggestions */
    SlashCommandListener(Answerer answerer, java.util.function.Supplier<java.util.List<String>> episodes) {
        this.answerer = Objects.requireNonNull(answerer, "answerer");
        this.episodes = Objects.requireNonNull(episodes, "episodes");
    }

    /** Suggests the episodes whose title contains what the user typed so far (at most 25, Discord's limit). */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!SlashCommands.EPISODE_OPTION.equals(event.getFocusedOption().getName())) {
            return;
        }
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(java.util.Locale.ROOT);
        java.util.List<String> choices;
        try {
            choices = episodes.get().stream()
                    .filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains(typed))
                    .map(t -> t.length() > 100 ? t.substring(0, 100) : t)
                    .distinct().limit(25).toList();
        } catch (RuntimeException e) {
            LOG.warn("Could not list the episodes for a suggestion: {}", e.toString());
            choices = java.util.List.of();
        }
        event.replyChoiceStrings(choices).queue(null, e -> LOG.debug("Could not send suggestions: {}", e.toString()));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Optional<BotCommand> command = BotCommand.fromWord(event.getName());
        if (command.isEmpty()) {
            event.reply(Catalog.text(ButtonListener.languageOf(event.getUserLocale()), UiText.UNKNOWN_COMMAND))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        boolean ephemeral = SlashCommands.optionOf(command.get()) == null; // what concerns only the user
        event.deferReply(ephemeral).queue(null,
                e -> LOG.warn("Could not acknowledge /{} in time: {}", event.getName(), e.toString()));

        String option = SlashCommands.optionOf(command.get());
        String text = option == null ? ""
                : Optional.ofNullable(event.getOption(option)).map(OptionMapping::getAsString).orElse("");
        String userId = event.getUser().getId();
        String locale = event.getUserLocale() == null ? null : event.getUserLocale().getLocale();
        BotRequest request = new BotRequest(Conversations.of(event.getChannelType(), event.getChannelId(), userId), userId,
                Platform.DISCORD, text, locale, event.getChannelType() == ChannelType.PRIVATE);
        answerer.answer(command.get(), request, new HookReplyTarget(event.getHook(), ephemeral));
    }
}
