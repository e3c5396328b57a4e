package dev.episodebot.discord.gateway;

import java.util.EnumSet;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * The gateway intents the bot asks for. Slash commands need none; mentions and DMs need
 * {@link GatewayIntent#GUILD_MESSAGES} and {@link GatewayIntent#DIRECT_MESSAGES} (Discord sends the
 * content of messages that mention the bot, and of DMs, without the privileged intent).
 * {@link GatewayIntent#MESSAGE_CONTENT} is privileged: asked for only when enabled, it lets thread
 * follow-ups that do not mention the bot be read.
 */
public final class DiscordIntents {

    private DiscordIntents() {}

    /** The intents for a bot that does or does not read all message content. */
    public static EnumSet<GatewayIntent> of(boolean messageContent) {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
        if (messageContent) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        return intents;
    }
}
