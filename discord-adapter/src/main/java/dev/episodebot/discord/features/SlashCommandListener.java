package dev.episodebot.discord.features;

import dev.episodebot.core.BotCommand;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Platform;
import dev.episodebot.core.text.Catalog;
import dev.episodebot.core.text.UiText;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the slash commands. The interaction is deferred at once (Discord wants an
 * acknowledgement within 3 seconds), then the core's reply is sent through the interaction hook by
 * an answer worker. {@code /ask} is answered in public; the other commands privately (ephemeral),
 * as they concern only the user who ran them.
 *
 * <p>Whether the user may run {@code /reload} is for the core to say ({@code BOT_ADMINS}, matched
 * on the numeric Discord user id), whatever the server's permissions are.
 */
public final class SlashCommandListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommandListener.class);

    private final Answerer answerer;

    SlashCommandListener(Answerer answerer) {
        this.answerer = Objects.requireNonNull(answerer, "answerer");
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
        boolean ephemeral = command.get() != BotCommand.ASK;
        event.deferReply(ephemeral).queue(null,
                e -> LOG.warn("Could not acknowledge /{} in time: {}", event.getName(), e.toString()));

        String text = command.get() == BotCommand.ASK
                ? Optional.ofNullable(event.getOption(SlashCommands.QUESTION_OPTION)).map(OptionMapping::getAsString).orElse("")
                : "";
        String userId = event.getUser().getId();
        String locale = event.getUserLocale() == null ? null : event.getUserLocale().getLocale();
        BotRequest request = new BotRequest(Conversations.of(event.getChannelType(), event.getChannelId(), userId), userId,
                Platform.DISCORD, text, locale, event.getChannelType() == ChannelType.PRIVATE);
        answerer.answer(command.get(), request, new HookReplyTarget(event.getHook(), ephemeral));
    }
}
