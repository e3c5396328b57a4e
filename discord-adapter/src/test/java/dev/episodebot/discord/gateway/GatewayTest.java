package dev.episodebot.discord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.Test;

/** The intents, the gateway override and the advice for fatal close codes. */
class GatewayTest {

    @Test
    void asksForThePrivilegedContentIntentOnlyWhenEnabled() {
        // GIVEN / WHEN the intents with and without DISCORD_MESSAGE_CONTENT
        // THEN only guild and direct messages are asked for by default
        assertThat(DiscordIntents.of(false))
                .isEqualTo(EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES));
        assertThat(DiscordIntents.of(true)).contains(GatewayIntent.MESSAGE_CONTENT);
    }

    @Test
    void sessionControllerConnectsToTheOverride() {
        // GIVEN a gateway override
        // WHEN JDA asks where to connect
        // THEN it gets the override
        assertThat(new GatewayOverrideSessionController("ws://127.0.0.1:1234/gateway").getGateway())
                .isEqualTo("ws://127.0.0.1:1234/gateway");
    }

    @Test
    void disallowedIntentsAdviceNamesTheDeveloperPortalSwitch() {
        // GIVEN a monitor for a bot that asked for MESSAGE_CONTENT
        GatewayMonitor monitor = new GatewayMonitor(true);

        // WHEN Discord closes with 4014, 4004, or something else
        // THEN the advice says exactly what to enable, or what to fix
        assertThat(monitor.adviceFor(4014)).hasValueSatisfying(advice -> assertThat(advice)
                .contains("Bot → Privileged Gateway Intents → Message Content Intent", "unset DISCORD_MESSAGE_CONTENT"));
        assertThat(monitor.adviceFor(4004)).hasValueSatisfying(advice -> assertThat(advice)
                .startsWith("DISCORD_TOKEN was rejected"));
        assertThat(monitor.adviceFor(1000)).isEmpty();
    }
}
