package dev.episodebot.discord.gateway;

import dev.episodebot.discord.DiscordConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the gateway connection and says in the log what to do when Discord closes it for good:
 * above all, close code 4014 (disallowed intents) names the Developer Portal switch to turn on.
 * JDA reconnects by itself after ordinary disconnects.
 */
public final class GatewayMonitor extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMonitor.class);

    private final boolean messageContentRequested;
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile int shutdownCode = -1;

    /**
     * @param messageContentRequested whether the privileged MESSAGE_CONTENT intent was asked for
     *     ({@code DISCORD_MESSAGE_CONTENT=true})
     */
    public GatewayMonitor(boolean messageContentRequested) {
        this.messageContentRequested = messageContentRequested;
    }

    /** What to do when Discord refuses the intents (close code 4014), as one sentence. */
    public static String disallowedIntentsAdvice(boolean messageContentRequested) {
        if (messageContentRequested) {
            return "Discord refused the gateway intents (close code 4014, disallowed intents): "
                    + DiscordConfig.MESSAGE_CONTENT + "=true needs the privileged Message Content intent, so enable it "
                    + "in the Discord Developer Portal under your application → Bot → Privileged Gateway Intents → "
                    + "Message Content Intent (and save), or unset " + DiscordConfig.MESSAGE_CONTENT
                    + " (slash commands, mentions and DMs work without it).";
        }
        return "Discord refused the gateway intents (close code 4014, disallowed intents) although only the "
                + "non-privileged GUILD_MESSAGES and DIRECT_MESSAGES intents were asked for: check the Discord "
                + "Developer Portal under your application → Bot → Privileged Gateway Intents.";
    }

    /** What to do when Discord rejects the token on the gateway (close code 4004), as one sentence. */
    public static String authenticationFailedAdvice() {
        return DiscordConfig.TOKEN + " was rejected by the Discord gateway (close code 4004, authentication failed): "
                + "copy a fresh token from the Discord Developer Portal (your application → Bot → Reset Token).";
    }

    /** The advice for a gateway close code that ends the session for good, if there is one. */
    public Optional<String> adviceFor(int closeCode) {
        if (closeCode == CloseCode.DISALLOWED_INTENTS.getCode()) {
            return Optional.of(disallowedIntentsAdvice(messageContentRequested));
        }
        if (closeCode == CloseCode.AUTHENTICATION_FAILED.getCode()) {
            return Optional.of(authenticationFailedAdvice());
        }
        return Optional.empty();
    }

    /**
     * The close code JDA shut down with, waiting up to {@code timeout} for the shutdown event (JDA
     * reports the shutdown status just before it); -1 when it has not shut down by then.
     */
    public int awaitShutdownCode(Duration timeout) throws InterruptedException {
        shutdown.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return shutdownCode;
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        shutdownCode = event.getCode();
        shutdown.countDown();
        Optional<String> advice = adviceFor(event.getCode());
        if (advice.isPresent()) {
            LOG.error(advice.get());
        } else if (event.getCode() == 1000) {
            LOG.info("Discord client shut down.");
        } else {
            CloseCode closeCode = event.getCloseCode();
            LOG.error("Discord closed the gateway for good (close code {}{}).", event.getCode(),
                    closeCode == null ? "" : ", " + closeCode.getMeaning());
        }
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
        LOG.warn("Discord gateway disconnected (close code {}); reconnecting.",
                event.getServiceCloseFrame() == null ? "none" : event.getServiceCloseFrame().getCloseCode());
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        LOG.info("Discord gateway session resumed.");
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        LOG.info("Discord gateway session recreated.");
    }
}
