package dev.episodebot.discord.fake;

import dev.episodebot.discord.fake.FakeDiscordServer.RestCall;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeDiscordServer} on 127.0.0.1 until stopped (Ctrl-C), to start the real bot (the
 * fat jar) against it. Prints the variables to give the bot and every REST call the bot makes. With
 * {@code --ask}, once the bot has connected and registered its commands, it runs {@code /ask} with
 * that question and then mentions the bot with it, and prints the answers.
 *
 * <pre>
 * # once, from the repository root:
 * mvn -B -o -q -pl discord-adapter -am test-compile
 * mvn -B -o -q -pl discord-adapter dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp
 * # then:
 * java -cp "discord-adapter/target/test-classes:discord-adapter/target/classes:$(cat discord-adapter/target/test.cp)" \
 *     dev.episodebot.discord.fake.FakeDiscordServerMain 18080 --ask "Reka 的技术团队有多少人？"
 * # and in another shell, with the printed variables:
 * DISCORD_TOKEN=... DISCORD_REST_URL=... DISCORD_GATEWAY_URL=... DISCORD_GUILD_ID=... java -jar episode-bot.jar run
 * </pre>
 *
 * <p>With {@code --two-servers} the fake also has {@link FakeDiscordServer#SECOND_GUILD_ID} (shard 1 of 2;
 * run the bot with {@code DISCORD_SHARD_TOTAL=2}), and {@code --ask} also asks there by mention.
 *
 * <p>Exit status: runs until killed; with {@code --ask --exit} it exits 0 once both answers came
 * back, or 1 when they did not within two minutes.
 */
public final class FakeDiscordServerMain {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private FakeDiscordServerMain() {}

    public static void main(String[] args) throws Exception {
        int port = 18080;
        String question = null;
        boolean exitAfterAsk = false;
        boolean twoServers = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ask" -> question = args[++i];
                case "--exit" -> exitAfterAsk = true;
                case "--two-servers" -> twoServers = true;
                case "-h", "--help" -> {
                    System.out.println("usage: FakeDiscordServerMain [port (default 18080)] [--two-servers] [--ask QUESTION [--exit]]");
                    return;
                }
                default -> port = Integer.parseInt(args[i]);
            }
        }
        FakeDiscordServer fake = FakeDiscordServer.start(port);
        if (twoServers) {
            fake.addGuild(FakeDiscordServer.SECOND_GUILD_ID, FakeDiscordServer.SECOND_CHANNEL_ID);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fake.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }, "fake-discord-stop"));
        fake.onCall(call -> System.out.println("REST " + call));
        System.out.println("Fake Discord listening on 127.0.0.1:" + fake.port() + "; start the bot with:");
        System.out.println("  DISCORD_TOKEN=" + FakeDiscordServer.TOKEN);
        System.out.println("  DISCORD_REST_URL=" + fake.restUrl());
        System.out.println("  DISCORD_GATEWAY_URL=" + fake.gatewayUrl());
        System.out.println("  DISCORD_GUILD_ID=" + FakeDiscordServer.GUILD_ID);
        if (question != null) {
            boolean answered = askWhenReady(fake, question, twoServers);
            if (exitAfterAsk) {
                fake.close();
                System.exit(answered ? 0 : 1);
            }
        }
        new CountDownLatch(1).await(); // until killed
    }

    private static boolean askWhenReady(FakeDiscordServer fake, String question, boolean twoServers)
            throws InterruptedException {
        try {
            fake.awaitCall("PUT", "/api/v10/applications/\\d+(/guilds/\\d+)?/commands", WAIT);
            System.out.println("Bot connected and registered its commands; sending /ask " + question);
            String token = fake.sendSlashCommand("ask", Map.of("question", question), FakeDiscordServer.USER_ID);
            RestCall answer = fake.awaitCall("PATCH", "/api/v10/webhooks/\\d+/" + token + "/messages/@original", WAIT);
            System.out.println("ANSWER /ask: " + answer.json().getString("content"));

            String messageId = fake.sendGuildMessage(FakeDiscordServer.CHANNEL_ID,
                    "<@" + FakeDiscordServer.BOT_ID + "> " + question, FakeDiscordServer.USER_ID, true);
            RestCall threadReply = fake.awaitCall("POST", "/api/v10/channels/" + messageId + "/messages", WAIT);
            System.out.println("ANSWER mention (thread " + messageId + "): " + threadReply.json().getString("content"));
            if (twoServers) {
                String second = fake.sendGuildMessage(FakeDiscordServer.SECOND_CHANNEL_ID,
                        "<@" + FakeDiscordServer.BOT_ID + "> " + question, FakeDiscordServer.USER_ID, true);
                RestCall reply = fake.awaitCall("POST", "/api/v10/channels/" + second + "/messages", WAIT);
                System.out.println("ANSWER mention in server " + FakeDiscordServer.SECOND_GUILD_ID + " (thread " + second
                        + "): " + reply.json().getString("content"));
            }
            return true;
        } catch (AssertionError e) {
            System.out.println("NO ANSWER: " + e.getMessage());
            return false;
        }
    }
}
