package dev.episodebot.discord.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A fake Discord on 127.0.0.1, enough for the real JDA client to log in, connect, receive events
 * and answer them: REST under {@link #restUrl()} and the gateway (a WebSocket) under
 * {@link #gatewayUrl()}, both served by one {@link MockWebServer}.
 *
 * <p>REST: answers {@code GET users/@me} (the login check of {@code JDABuilder.build()}), command
 * registration ({@code PUT applications/{app}[/guilds/{guild}]/commands}), interaction callbacks,
 * editing the original response and follow-ups ({@code webhooks/{app}/{token}...}), starting a
 * thread on a message, sending, editing and deleting messages and typing; every call is recorded ({@link #calls()},
 * {@link #awaitCall(String, String, Duration)}). Unknown routes get a 404 and are recorded too.
 *
 * <p>Gateway: plain JSON text frames (the client must use {@code Compression.NONE}). On connect it
 * sends HELLO; on IDENTIFY it sends READY and a GUILD_CREATE for one server ({@link #GUILD_ID}) with
 * one text channel ({@link #CHANNEL_ID}), in which the bot has a role with Administrator; it
 * acknowledges heartbeats. {@link #addGuild(String, String)} adds servers; a sharded client
 * (IDENTIFY with {@code shard: [id, total]}) gets on each shard's connection only the servers of
 * that shard ({@code (guild_id >> 22) % total}), and each server's events go out on its shard's
 * connection (DMs on shard 0's), as Discord does. Tests then script events: {@link #sendSlashCommand(String, Map, String)},
 * {@link #sendGuildMessage(String, String, String, boolean)}, {@link #sendDirectMessage(String)}, {@link #sendButtonClick(String, String)}.
 * {@link #refuseIntents(int)} makes IDENTIFY fail with close code 4014 (disallowed intents) when it
 * asks for any of the given intent bits.
 *
 * <p>A standalone runner is {@link FakeDiscordServerMain}.
 */
public final class FakeDiscordServer implements AutoCloseable {

    /** An obviously fake token in the shape {@code DiscordConfig} accepts (three dot-separated parts). */
    public static final String TOKEN = "fake-discord-token.not-real.for-tests-only";

    public static final String BOT_ID = "900000000000000001";
    public static final String BOT_NAME = "episode-bot";
    public static final String APPLICATION_ID = BOT_ID;
    public static final String GUILD_ID = "910000000000000001";
    public static final String CHANNEL_ID = "920000000000000001";
    public static final String BOT_ROLE_ID = "930000000000000001";
    public static final String OWNER_ID = "940000000000000001";
    public static final String USER_ID = "950000000000000001";
    public static final String USER_NAME = "listener";
    public static final String DM_CHANNEL_ID = "980000000000000001";
    /** A second server, on shard 1 of 2 ({@link #GUILD_ID} is on shard 0 of 2), for {@link #addGuild}. */
    public static final String SECOND_GUILD_ID = "910000000004194306";
    public static final String SECOND_CHANNEL_ID = "920000000000000002";

    /** One server the bot is in: its one text channel and the bot's role there. */
    private record FakeGuild(String id, String channelId, String botRoleId) {}

    /** The start of Discord's snowflake time (2015-01-01T00:00:00Z). */
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    /** The gateway intent bit of MESSAGE_CONTENT. */
    public static final int MESSAGE_CONTENT_INTENT = 1 << 15;

    private static final Pattern INTERACTION_CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern EDIT_ORIGINAL = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern FOLLOW_UP = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)");
    private static final Pattern THREAD_FROM_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages");
    private static final Pattern ONE_CHANNEL_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern TYPING = Pattern.compile("/api/v10/channels/(\\d+)/typing");
    private static final Pattern COMMANDS = Pattern.compile("/api/v10/applications/(\\d+)(/guilds/(\\d+))?/commands");

    /**
     * One REST call the client made.
     *
     * @param method the HTTP method
     * @param path the encoded path, e.g. {@code /api/v10/users/@me}
     * @param query the encoded query, or null
     * @param body the request body as text (empty when none)
     */
    public record RestCall(String method, String path, String query, String body) {

        /** The body as JSON (a JSON object). */
        public DataObject json() {
            return DataObject.fromJson(body);
        }

        /** The body as a JSON array. */
        public DataArray jsonArray() {
            return DataArray.fromJson(body);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + (body.isEmpty() ? "" : " " + body);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<RestCall> calls = new CopyOnWriteArrayList<>();
    private final List<DataObject> identifies = new CopyOnWriteArrayList<>();
    private final List<String> gatewayQueries = new CopyOnWriteArrayList<>();
    private final List<Consumer<RestCall>> callListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong lastId = new AtomicLong();
    private final List<FakeGuild> guilds = new CopyOnWriteArrayList<>(
            List.of(new FakeGuild(GUILD_ID, CHANNEL_ID, BOT_ROLE_ID)));
    /** The server of each channel and thread the fake knows. */
    private final Map<String, String> channelGuilds = new java.util.concurrent.ConcurrentHashMap<>(
            Map.of(CHANNEL_ID, GUILD_ID));
    /** The channel of each interaction token (its responses are messages there). */
    private final Map<String, String> interactionChannels = new java.util.concurrent.ConcurrentHashMap<>();
    /** The identified gateway connections, by shard id. */
    private final Map<Integer, GatewaySession> shards = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.Semaphore shardsReady = new java.util.concurrent.Semaphore(0);
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final Object gatewayLock = new Object();
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile int refusedIntents;
    private volatile int sessionIntents;

    private FakeDiscordServer() {}

    /** Starts a fake Discord on 127.0.0.1 at {@code port} (0 for any free port). */
    public static FakeDiscordServer start(int port) throws IOException {
        FakeDiscordServer fake = new FakeDiscordServer();
        fake.server.setDispatcher(fake.new Router());
        fake.server.start(InetAddress.getByName("127.0.0.1"), port);
        return fake;
    }

    public int port() {
        return server.getPort();
    }

    /** The REST base URL for {@code DISCORD_REST_URL}: {@code http://127.0.0.1:<port>/api/v10/}. */
    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/api/v10/");
    }

    /** The gateway URL for {@code DISCORD_GATEWAY_URL}: {@code ws://127.0.0.1:<port>/gateway}. */
    public URI gatewayUrl() {
        return URI.create("ws://127.0.0.1:" + port() + "/gateway");
    }

    /**
     * Adds a server the bot is in, with one text channel (before the client connects). Its
     * shard is {@code (guildId >> 22) % total}, as on Discord.
     */
    public FakeDiscordServer addGuild(String guildId, String channelId) {
        String roleId = Long.toString(Long.parseLong(channelId) + 10_000_000_000_000_000L);
        guilds.add(new FakeGuild(guildId, channelId, roleId));
        channelGuilds.put(channelId, guildId);
        return this;
    }

    /** The shard ids of the gateway connections that identified so far, with their IDENTIFY's shard total. */
    public Map<Integer, Integer> identifiedShards() {
        Map<Integer, Integer> result = new java.util.TreeMap<>();
        shards.forEach((id, session) -> result.put(id, session.total));
        return result;
    }

    /** Waits until READY and the GUILD_CREATEs have been sent on {@code count} identified connections in all. */
    public boolean awaitShardsReady(int count, Duration timeout) throws InterruptedException {
        if (!shardsReady.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        shardsReady.release(count);
        return true;
    }

    /** Makes IDENTIFY fail with close code 4014 when it asks for any of these intent bits. */
    public void refuseIntents(int intentBits) {
        this.refusedIntents = intentBits;
    }

    /** Calls {@code listener} for every REST call from now on (on the server's threads). */
    public void onCall(Consumer<RestCall> listener) {
        callListeners.add(listener);
    }

    /** The REST calls so far, in order. */
    public List<RestCall> calls() {
        return List.copyOf(calls);
    }

    /** The IDENTIFY payloads ({@code d}) received so far. */
    public List<DataObject> identifies() {
        return List.copyOf(identifies);
    }

    /** The query strings of the gateway connections so far, e.g. {@code encoding=json&v=10}. */
    public List<String> gatewayQueries() {
        return List.copyOf(gatewayQueries);
    }

    /** How many heartbeats were received. */
    public int heartbeats() {
        return heartbeats.get();
    }

    /** Waits until READY and GUILD_CREATE have been sent on the current gateway connection. */
    public boolean awaitReadySent(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for the {@code n}-th (1-based) REST call with this method whose path matches the regex.
     *
     * @throws AssertionError when it does not come in time
     */
    public RestCall awaitCall(String method, String pathRegex, int n, Duration timeout) throws InterruptedException {
        Pattern path = Pattern.compile(pathRegex);
        Predicate<RestCall> matches = c -> c.method().equals(method) && path.matcher(c.path()).matches();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                List<RestCall> found = calls.stream().filter(matches).toList();
                if (found.size() >= n) {
                    return found.get(n - 1);
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("No " + ordinal(n) + method + " " + pathRegex + " within " + timeout
                            + "; calls were:\n" + String.join("\n", calls.stream().map(RestCall::toString).toList()));
                }
                calls.wait(left);
            }
        }
    }

    /** Waits for the first REST call with this method whose path matches the regex. */
    public RestCall awaitCall(String method, String pathRegex, Duration timeout) throws InterruptedException {
        return awaitCall(method, pathRegex, 1, timeout);
    }

    private static String ordinal(int n) {
        return n == 1 ? "" : "#" + n + " ";
    }

    // ---------------------------------------------------------------- scripted gateway events

    /**
     * Sends an INTERACTION_CREATE for a slash command run by a user in {@link #CHANNEL_ID}.
     *
     * @param options string options by name
     * @return the interaction's token (it appears in the callback and webhook paths)
     */
    public String sendSlashCommand(String name, Map<String, String> options, String userId) {
        return sendSlashCommand(GUILD_ID, name, options, userId);
    }

    /** {@link #sendSlashCommand(String, Map, String)} in the text channel of server {@code guildId}. */
    public String sendSlashCommand(String guildId, String name, Map<String, String> options, String userId) {
        DataArray optionArray = DataArray.empty();
        options.forEach((key, value) -> optionArray.add(DataObject.empty().put("name", key).put("type", 3).put("value", value)));
        return sendInteraction(2, userId, DataObject.empty()
                .put("id", "970000000000000001")
                .put("name", name)
                .put("type", 1)
                .put("guild_id", guildId)
                .put("options", optionArray), null, guild(guildId));
    }

    /**
     * Sends an INTERACTION_CREATE for a click on a button (custom id {@code buttonId}) under a bot
     * message in {@link #CHANNEL_ID}.
     *
     * @return the interaction's token
     */
    public String sendButtonClick(String buttonId, String userId) {
        return sendInteraction(3, userId, DataObject.empty().put("custom_id", buttonId).put("component_type", 2),
                DataObject.empty().put("id", newId()).put("flags", 0), guild(GUILD_ID));
    }

    private String sendInteraction(int type, String userId, DataObject data, DataObject message, FakeGuild guild) {
        String interactionId = newId();
        String token = "fake-interaction-token-" + interactionId;
        interactionChannels.put(token, guild.channelId());
        DataObject interaction = DataObject.empty()
                .put("id", interactionId)
                .put("application_id", APPLICATION_ID)
                .put("type", type)
                .put("token", token)
                .put("version", 1)
                .put("guild_id", guild.id())
                .put("guild", DataObject.empty().put("id", guild.id()).put("locale", "en-US").put("features", DataArray.empty()))
                .put("channel_id", guild.channelId())
                .put("channel", textChannel(guild).put("permissions", "2251799813685247"))
                .put("member", member(user(userId, USER_NAME, false), DataArray.empty()).put("permissions", "2248473465835073"))
                .put("locale", "zh-CN")
                .put("guild_locale", "en-US")
                .put("app_permissions", "2251799813685247")
                .put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("0", guild.id()))
                .put("context", 0)
                .put("attachment_size_limit", 10_485_760)
                .put("data", data);
        if (message != null) {
            interaction.put("message", message);
        }
        dispatch("INTERACTION_CREATE", interaction);
        return token;
    }

    /**
     * Sends a MESSAGE_CREATE from a user in a server channel or thread. Like Discord, it leaves the
     * content out when the session did not ask for the MESSAGE_CONTENT intent and the message does
     * not mention the bot.
     *
     * @param mentionBot whether the message mentions the bot (the content should then contain {@code <@BOT_ID>})
     * @return the message id
     */
    public String sendGuildMessage(String channelId, String content, String userId, boolean mentionBot) {
        String messageId = newId();
        if (!mentionBot && (sessionIntents & MESSAGE_CONTENT_INTENT) == 0) {
            content = "";
        }
        FakeGuild guild = guild(channelGuilds.getOrDefault(channelId, GUILD_ID));
        DataArray mentions = DataArray.empty();
        if (mentionBot) {
            mentions.add(user(BOT_ID, BOT_NAME, true).put("member", member(null, DataArray.empty().add(guild.botRoleId()))));
        }
        DataObject message = message(messageId, channelId, user(userId, USER_NAME, false), content)
                .put("guild_id", guild.id())
                .put("member", member(null, DataArray.empty()))
                .put("mentions", mentions);
        dispatch("MESSAGE_CREATE", message);
        return messageId;
    }

    /** Sends a MESSAGE_CREATE from {@link #USER_ID} in their DM with the bot ({@link #DM_CHANNEL_ID}). */
    public String sendDirectMessage(String content) {
        String messageId = newId();
        DataObject message = message(messageId, DM_CHANNEL_ID, user(USER_ID, USER_NAME, false), content)
                .put("channel_type", 1);
        dispatch("MESSAGE_CREATE", message);
        return messageId;
    }

    /**
     * Sends a dispatch event ({@code op 0}) with the next sequence number, on the connection of the
     * shard its {@code guild_id} belongs to (shard 0's without one).
     */
    public void dispatch(String type, DataObject data) {
        synchronized (gatewayLock) {
            GatewaySession session = sessionFor(data.getString("guild_id", null));
            if (session == null) {
                throw new IllegalStateException("no gateway connection for " + type + " in guild "
                        + data.getString("guild_id", "none"));
            }
            session.dispatch(type, data);
        }
    }

    private GatewaySession sessionFor(String guildId) {
        for (GatewaySession session : shards.values()) {
            if (guildId == null ? session.shardId == 0 : session.owns(guildId)) {
                return session;
            }
        }
        return null;
    }

    /** Closes every gateway connection with a close code, as Discord does on errors. */
    public void closeGateway(int code, String reason) {
        for (GatewaySession session : shards.values()) {
            session.socket.close(code, reason);
        }
    }

    @Override
    public void close() throws IOException {
        for (GatewaySession session : shards.values()) {
            session.socket.close(1001, "fake Discord stopping");
        }
        server.close();
    }

    private FakeGuild guild(String guildId) {
        return guilds.stream().filter(g -> g.id().equals(guildId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the fake has no guild " + guildId));
    }

    /** Discord's shard of a server: {@code (guild_id >> 22) % total}. */
    static int shardOf(String guildId, int total) {
        return (int) ((Long.parseUnsignedLong(guildId) >>> 22) % total);
    }

    // ---------------------------------------------------------------- JSON

    /** A fresh snowflake for now (JDA derives creation times from ids, e.g. to expire interaction hooks). */
    private String newId() {
        long now = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(lastId.updateAndGet(last -> Math.max(last + 1, now)));
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static DataObject user(String id, String name, boolean bot) {
        return DataObject.empty()
                .put("id", id)
                .put("username", name)
                .put("discriminator", "0")
                .put("global_name", name)
                .put("avatar", null)
                .put("bot", bot)
                .put("system", false)
                .put("public_flags", 0)
                .put("flags", 0);
    }

    private static DataObject member(DataObject user, DataArray roles) {
        DataObject member = DataObject.empty()
                .put("roles", roles)
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false)
                .put("nick", null)
                .put("avatar", null)
                .put("premium_since", null)
                .put("communication_disabled_until", null);
        if (user != null) {
            member.put("user", user);
        }
        return member;
    }

    private static DataObject role(String id, String name, String permissions, int position) {
        return DataObject.empty()
                .put("id", id)
                .put("name", name)
                .put("permissions", permissions)
                .put("position", position)
                .put("color", 0)
                .put("colors", DataObject.empty().put("primary_color", 0).put("secondary_color", null).put("tertiary_color", null))
                .put("hoist", false)
                .put("managed", false)
                .put("mentionable", false)
                .put("icon", null)
                .put("unicode_emoji", null)
                .put("flags", 0);
    }

    private static DataObject textChannel(FakeGuild guild) {
        return DataObject.empty()
                .put("id", guild.channelId())
                .put("type", 0)
                .put("guild_id", guild.id())
                .put("name", "general")
                .put("position", 0)
                .put("permission_overwrites", DataArray.empty())
                .put("topic", null)
                .put("nsfw", false)
                .put("last_message_id", null)
                .put("rate_limit_per_user", 0)
                .put("parent_id", null)
                .put("flags", 0);
    }

    private DataObject message(String id, String channelId, DataObject author, String content) {
        return DataObject.empty()
                .put("id", id)
                .put("channel_id", channelId)
                .put("author", author)
                .put("content", content)
                .put("timestamp", now())
                .put("edited_timestamp", null)
                .put("tts", false)
                .put("mention_everyone", false)
                .put("mentions", DataArray.empty())
                .put("mention_roles", DataArray.empty())
                .put("attachments", DataArray.empty())
                .put("embeds", DataArray.empty())
                .put("components", DataArray.empty())
                .put("pinned", false)
                .put("type", 0)
                .put("flags", 0);
    }

    private DataObject ready(List<FakeGuild> shardGuilds, int shardId, int total) {
        DataArray unavailable = DataArray.empty();
        shardGuilds.forEach(g -> unavailable.add(DataObject.empty().put("id", g.id()).put("unavailable", true)));
        return DataObject.empty()
                .put("v", 10)
                .put("user", user(BOT_ID, BOT_NAME, true).put("verified", true).put("mfa_enabled", false))
                .put("guilds", unavailable)
                .put("shard", DataArray.empty().add(shardId).add(total))
                .put("session_id", "fake-session-" + newId())
                .put("resume_gateway_url", gatewayUrl().toString())
                .put("application", DataObject.empty().put("id", APPLICATION_ID).put("flags", 0))
                .put("private_channels", DataArray.empty())
                .put("relationships", DataArray.empty())
                .put("presences", DataArray.empty())
                .put("_trace", DataArray.empty().add("fake-discord"));
    }

    private DataObject guildCreate(FakeGuild guild) {
        DataObject bot = user(BOT_ID, BOT_NAME, true);
        DataObject listener = user(USER_ID, USER_NAME, false);
        DataObject owner = user(OWNER_ID, "owner", false);
        return DataObject.empty()
                .put("id", guild.id())
                .put("name", guild.id().equals(GUILD_ID) ? "Episode Fans" : "Episode Fans " + guild.id())
                .put("icon", null)
                .put("splash", null)
                .put("banner", null)
                .put("description", null)
                .put("owner_id", OWNER_ID)
                .put("afk_channel_id", null)
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false)
                .put("preferred_locale", "en-US")
                .put("system_channel_id", null)
                .put("system_channel_flags", 0)
                .put("rules_channel_id", null)
                .put("public_updates_channel_id", null)
                .put("safety_alerts_channel_id", null)
                .put("vanity_url_code", null)
                .put("features", DataArray.empty())
                .put("roles", DataArray.empty()
                        .add(role(guild.id(), "@everyone", "1071698660929", 0))
                        .add(role(guild.botRoleId(), BOT_NAME, "8", 1).put("managed", true)
                                .put("tags", DataObject.empty().put("bot_id", BOT_ID))))
                .put("emojis", DataArray.empty())
                .put("stickers", DataArray.empty())
                .put("soundboard_sounds", DataArray.empty())
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .put("large", false)
                .put("unavailable", false)
                .put("member_count", 3)
                .put("max_members", 500_000)
                .put("max_presences", null)
                .put("voice_states", DataArray.empty())
                .put("members", DataArray.empty()
                        .add(member(bot, DataArray.empty().add(guild.botRoleId())))
                        .add(member(listener, DataArray.empty()))
                        .add(member(owner, DataArray.empty())))
                .put("channels", DataArray.empty().add(textChannel(guild)))
                .put("threads", DataArray.empty())
                .put("presences", DataArray.empty())
                .put("stage_instances", DataArray.empty())
                .put("guild_scheduled_events", DataArray.empty());
    }

    /** A message the bot sent, as Discord echoes it: the request body plus ids, author, timestamp. */
    private DataObject botMessage(String channelId, DataObject body, boolean webhook) {
        DataObject message = message(newId(), channelId, user(BOT_ID, BOT_NAME, true), body.getString("content", ""));
        DataArray embeds = body.optArray("embeds").orElseGet(DataArray::empty);
        for (int i = 0; i < embeds.length(); i++) {
            DataObject embed = embeds.getObject(i); // a view: put() changes the array's element
            embed.put("type", embed.getString("type", "rich")); // Discord adds the type
        }
        message.put("embeds", embeds);
        message.put("components", body.optArray("components").orElseGet(DataArray::empty));
        message.put("flags", body.getInt("flags", 0));
        if (webhook) {
            message.put("webhook_id", APPLICATION_ID).put("application_id", APPLICATION_ID)
                    .put("guild_id", channelGuilds.getOrDefault(channelId, GUILD_ID));
        } else if (!channelId.equals(DM_CHANNEL_ID)) {
            message.put("guild_id", channelGuilds.getOrDefault(channelId, GUILD_ID));
        }
        return message;
    }

    private DataObject thread(String threadId, String parentId, String name) {
        String guildId = channelGuilds.getOrDefault(parentId, GUILD_ID);
        channelGuilds.put(threadId, guildId);
        return DataObject.empty()
                .put("id", threadId)
                .put("type", 11)
                .put("guild_id", guildId)
                .put("parent_id", parentId)
                .put("owner_id", BOT_ID)
                .put("name", name)
                .put("last_message_id", null)
                .put("message_count", 0)
                .put("member_count", 1)
                .put("total_message_sent", 0)
                .put("rate_limit_per_user", 0)
                .put("flags", 0)
                .put("applied_tags", DataArray.empty())
                .put("thread_metadata", DataObject.empty()
                        .put("archived", false)
                        .put("auto_archive_duration", 1440)
                        .put("archive_timestamp", now())
                        .put("locked", false)
                        .put("create_timestamp", now()))
                .put("member", DataObject.empty()
                        .put("id", threadId)
                        .put("user_id", BOT_ID)
                        .put("join_timestamp", now())
                        .put("flags", 1));
    }

    // ---------------------------------------------------------------- REST

    private static MockResponse json(int code, Object body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body.toString())
                .build();
    }

    private static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    private final class Router extends Dispatcher {

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (path.startsWith("/gateway")) {
                gatewayQueries.add(request.getUrl().encodedQuery());
                return new MockResponse.Builder().webSocketUpgrade(new GatewaySession()).build();
            }
            RestCall call = new RestCall(request.getMethod(), path, request.getUrl().encodedQuery(),
                    request.getBody() == null ? "" : request.getBody().utf8());
            callListeners.forEach(listener -> listener.accept(call));
            synchronized (calls) {
                calls.add(call);
                calls.notifyAll();
            }
            try {
                return route(call);
            } catch (RuntimeException e) {
                return json(500, DataObject.empty().put("message", "fake Discord failed: " + e).put("code", 0));
            }
        }

        private MockResponse route(RestCall call) {
            String path = call.path();
            Matcher m;
            if (call.method().equals("GET") && path.equals("/api/v10/users/@me")) {
                return json(200, user(BOT_ID, BOT_NAME, true).put("verified", true).put("mfa_enabled", false));
            }
            if (call.method().equals("GET") && path.equals("/api/v10/gateway/bot")) {
                return json(200, DataObject.empty().put("url", gatewayUrl().toString()).put("shards", 1)
                        .put("session_start_limit", DataObject.empty().put("total", 1000).put("remaining", 1000)
                                .put("reset_after", 0).put("max_concurrency", 1)));
            }
            if (call.method().equals("PUT") && (m = COMMANDS.matcher(path)).matches()) {
                DataArray requested = call.jsonArray();
                DataArray registered = DataArray.empty();
                for (int i = 0; i < requested.length(); i++) {
                    DataObject command = requested.getObject(i);
                    command.put("id", newId()).put("application_id", APPLICATION_ID).put("version", newId())
                            .put("type", command.getInt("type", 1));
                    if (m.group(3) != null) {
                        command.put("guild_id", m.group(3));
                    }
                    registered.add(command);
                }
                return json(200, registered);
            }
            if (call.method().equals("POST") && INTERACTION_CALLBACK.matcher(path).matches()) {
                return noContent();
            }
            if (call.method().equals("PATCH") && (m = EDIT_ORIGINAL.matcher(path)).matches()) {
                return json(200, botMessage(interactionChannels.getOrDefault(m.group(2), CHANNEL_ID), call.json(), true));
            }
            if (call.method().equals("POST") && (m = FOLLOW_UP.matcher(path)).matches()) {
                return json(200, botMessage(interactionChannels.getOrDefault(m.group(2), CHANNEL_ID), call.json(), true));
            }
            if (call.method().equals("POST") && (m = THREAD_FROM_MESSAGE.matcher(path)).matches()) {
                // Discord gives a thread started on a message the message's id.
                return json(201, thread(m.group(2), m.group(1), call.json().getString("name")));
            }
            if (call.method().equals("POST") && (m = CHANNEL_MESSAGE.matcher(path)).matches()) {
                return json(200, botMessage(m.group(1), call.json(), false));
            }
            if (call.method().equals("PATCH") && (m = ONE_CHANNEL_MESSAGE.matcher(path)).matches()) {
                return json(200, botMessage(m.group(1), call.json(), false).put("id", m.group(2)));
            }
            if (call.method().equals("DELETE") && ONE_CHANNEL_MESSAGE.matcher(path).matches()) {
                return noContent();
            }
            if (call.method().equals("POST") && TYPING.matcher(path).matches()) {
                return noContent();
            }
            return json(404, DataObject.empty().put("message", "404: Not Found").put("code", 0));
        }
    }

    // ---------------------------------------------------------------- gateway

    private final class GatewaySession extends WebSocketListener {

        private final AtomicInteger sequence = new AtomicInteger();
        private volatile WebSocket socket;
        private volatile int shardId = -1;
        private volatile int total = 1;

        boolean owns(String guildId) {
            return shardId >= 0 && shardOf(guildId, total) == shardId;
        }

        void dispatch(String type, DataObject data) {
            socket.send(DataObject.empty().put("op", 0).put("s", sequence.incrementAndGet()).put("t", type)
                    .put("d", data).toString());
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (gatewayLock) {
                socket = webSocket;
                ready = ready.getCount() == 0 ? new CountDownLatch(1) : ready;
                webSocket.send(DataObject.empty().put("op", 10).put("s", null).put("t", null)
                        .put("d", DataObject.empty().put("heartbeat_interval", 41_250)).toString());
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            DataObject payload = DataObject.fromJson(text);
            switch (payload.getInt("op")) {
                case 1 -> {
                    heartbeats.incrementAndGet();
                    webSocket.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                }
                case 2 -> identify(webSocket, payload.getObject("d"));
                case 6 -> webSocket.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}"); // cannot resume
                default -> { }
            }
        }

        private void identify(WebSocket webSocket, DataObject identify) {
            identifies.add(identify);
            sessionIntents = identify.getInt("intents");
            if ((identify.getInt("intents") & refusedIntents) != 0) {
                webSocket.close(4014, "Disallowed intent(s).");
                return;
            }
            DataArray shard = identify.optArray("shard").orElse(null);
            int id = shard == null ? 0 : shard.getInt(0);
            int of = shard == null ? 1 : shard.getInt(1);
            synchronized (gatewayLock) {
                shardId = id;
                total = of;
                shards.put(id, this);
                sequence.set(0);
                List<FakeGuild> mine = guilds.stream().filter(g -> shardOf(g.id(), of) == id).toList();
                dispatch("READY", ready(mine, id, of));
                for (FakeGuild guild : mine) {
                    dispatch("GUILD_CREATE", guildCreate(guild));
                }
                ready.countDown();
                shardsReady.release();
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            clear();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            clear();
        }

        private void clear() {
            synchronized (gatewayLock) {
                shards.remove(shardId, this);
            }
        }
    }
}
