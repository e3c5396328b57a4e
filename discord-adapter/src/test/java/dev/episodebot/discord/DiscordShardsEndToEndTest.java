package dev.episodebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.episodebot.core.BotReply;
import dev.episodebot.core.BotRequest;
import dev.episodebot.core.Connection;
import dev.episodebot.core.EpisodeBot;
import dev.episodebot.core.FeedbackRecorder;
import dev.episodebot.core.Language;
import dev.episodebot.core.config.Env;
import dev.episodebot.discord.fake.FakeDiscordServer;
import dev.episodebot.discord.fake.FakeDiscordServer.RestCall;
import dev.episodebot.discord.gateway.ShardRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shards against {@link FakeDiscordServer}, which routes each server's events to the connection of
 * its shard ({@code (guild_id >> 22) % total}) as Discord does: {@link FakeDiscordServer#GUILD_ID} is on
 * shard 0 of 2, {@link FakeDiscordServer#SECOND_GUILD_ID} on shard 1 of 2. Each shard receives its own
 * server's events and answers there, whether one instance runs both shards or two instances one each.
 */
class DiscordShardsEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final FeedbackRecorder NO_VOTES = (replyId, platform, userId, vote) -> true;

    private FakeDiscordServer discord;
    private final List<DiscordAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void startFakeDiscord() throws Exception {
        discord = FakeDiscordServer.start(0).addGuild(FakeDiscordServer.SECOND_GUILD_ID,
                FakeDiscordServer.SECOND_CHANNEL_ID);
    }

    @AfterEach
    void stop() throws Exception {
        adapters.forEach(DiscordAdapter::close);
        discord.close();
    }

    /** A core stand-in that says who answered what, and records the questions it got. */
    private static EpisodeBot echo(String name, List<BotRequest> requests) {
        return (command, request) -> {
            requests.add(request);
            return BotReply.info(name + " answers: " + request.text(), Language.EN);
        };
    }

    private DiscordAdapter start(String shards, EpisodeBot bot) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                DiscordConfig.TOKEN, FakeDiscordServer.TOKEN,
                DiscordConfig.REST_URL, discord.restUrl().toString(),
                DiscordConfig.GATEWAY_URL, discord.gatewayUrl().toString(),
                ShardRange.TOTAL, "2",
                ShardRange.SHARDS, shards));
        DiscordAdapter adapter = new DiscordAdapter(DiscordConfig.from(new Env(env))
                .withTimeouts(Duration.ofSeconds(10), TIMEOUT), bot, NO_VOTES);
        adapters.add(adapter);
        adapter.start();
        return adapter;
    }

    /** Mentions the bot in {@code channelId} and returns the answer posted in the thread started on it. */
    private String askByMention(String channelId, String question) throws InterruptedException {
        String messageId = discord.sendGuildMessage(channelId, "<@" + FakeDiscordServer.BOT_ID + "> " + question,
                FakeDiscordServer.USER_ID, true);
        discord.awaitCall("POST", "/api/v10/channels/" + channelId + "/messages/" + messageId + "/threads", TIMEOUT);
        return discord.awaitCall("POST", "/api/v10/channels/" + messageId + "/messages", TIMEOUT).json()
                .getString("content");
    }

    @Test
    void oneInstanceRunsShardsZeroAndOneAndEachAnswersItsOwnServer() throws Exception {
        // GIVEN one instance with DISCORD_SHARD_TOTAL=2 and DISCORD_SHARDS=0-1
        List<BotRequest> requests = new CopyOnWriteArrayList<>();
        DiscordAdapter adapter = start("0-1", echo("bot", requests));

        // THEN it identified as shard 0 of 2 and as shard 1 of 2, each shard holding its own server
        assertThat(discord.identifiedShards()).containsOnly(Map.entry(0, 2), Map.entry(1, 2));
        assertThat(adapter.shardManager().getGuildById(FakeDiscordServer.GUILD_ID).getJDA().getShardInfo()
                .getShardId()).isZero();
        assertThat(adapter.shardManager().getGuildById(FakeDiscordServer.SECOND_GUILD_ID).getJDA().getShardInfo()
                .getShardId()).isEqualTo(1);
        // AND it reports each shard, both connected
        assertThat(adapter.connections()).containsExactly(new Connection("discord shard 0/2", true),
                new Connection("discord shard 1/2", true));
        assertThat(adapter.isConnected()).isTrue();
        // AND, running shard 0, it registered the global commands
        discord.awaitCall("PUT", "/api/v10/applications/" + FakeDiscordServer.APPLICATION_ID + "/commands", TIMEOUT);

        // WHEN a user mentions the bot in each server (the fake sends each on its shard's connection)
        String first = askByMention(FakeDiscordServer.CHANNEL_ID, "第一个服务器的问题");
        String second = askByMention(FakeDiscordServer.SECOND_CHANNEL_ID, "第二个服务器的问题");

        // THEN each is answered in its own server's thread
        assertThat(first).contains("第一个服务器的问题");
        assertThat(second).contains("第二个服务器的问题");

        // WHEN /ask runs in the second server, THEN its shard answers through the interaction
        String token = discord.sendSlashCommand(FakeDiscordServer.SECOND_GUILD_ID, "ask",
                Map.of("question", "斜杠命令的问题"), FakeDiscordServer.USER_ID);
        RestCall original = discord.awaitCall("PATCH",
                "/api/v10/webhooks/" + FakeDiscordServer.APPLICATION_ID + "/" + token + "/messages/@original", TIMEOUT);
        assertThat(original.json().getString("content")).contains("斜杠命令的问题");
        assertThat(requests).extracting(BotRequest::text)
                .containsExactly("第一个服务器的问题", "第二个服务器的问题", "斜杠命令的问题");
    }

    @Test
    void twoInstancesWithOneShardEachAnswerOnlyTheirOwnServer() throws Exception {
        // GIVEN instance A with shard 0 of 2 and instance B with shard 1 of 2
        List<BotRequest> onA = new CopyOnWriteArrayList<>();
        List<BotRequest> onB = new CopyOnWriteArrayList<>();
        DiscordAdapter a = start("0", echo("A", onA));
        DiscordAdapter b = start("1", echo("B", onB));
        assertThat(a.connections()).containsExactly(new Connection("discord shard 0/2", true));
        assertThat(b.connections()).containsExactly(new Connection("discord shard 1/2", true));
        assertThat(b.shardManager().getGuildById(FakeDiscordServer.GUILD_ID)).isNull();

        // WHEN a user mentions the bot in each server
        String first = askByMention(FakeDiscordServer.CHANNEL_ID, "问 A 的服务器");
        String second = askByMention(FakeDiscordServer.SECOND_CHANNEL_ID, "问 B 的服务器");

        // THEN the instance running that server's shard answered it, and only that one
        assertThat(first).contains("A answers").contains("问 A 的服务器");
        assertThat(second).contains("B answers").contains("问 B 的服务器");
        assertThat(onA).extracting(BotRequest::text).containsExactly("问 A 的服务器");
        assertThat(onB).extracting(BotRequest::text).containsExactly("问 B 的服务器");
        // AND only the instance with shard 0 registered the global commands
        discord.awaitCall("PUT", "/api/v10/applications/" + FakeDiscordServer.APPLICATION_ID + "/commands", TIMEOUT);
        assertThat(discord.calls()).filteredOn(c -> c.method().equals("PUT") && c.path().endsWith("/commands"))
                .hasSize(1);
    }
}
