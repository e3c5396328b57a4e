package dev.episodebot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Telegram Bot API server on 127.0.0.1, for tests and for running beside the fat jar
 * ({@link FakeTelegramServerMain}). Point the bot at it with {@code TELEGRAM_API_URL=}{@link #url()}.
 *
 * <h2>What it speaks</h2>
 * POST (JSON, form or query parameters) to {@code /bot<token>/<method>}, method names in any case:
 * <ul>
 *   <li>{@code getMe}: the bot {@value #BOT_USERNAME} (id {@value #BOT_ID});
 *   <li>{@code getUpdates}: Telegram's semantics: updates with {@code update_id < offset} are
 *       confirmed and forgotten, the call waits up to {@code timeout} seconds (capped by
 *       {@link #maxHold(Duration)}) for an update;
 *   <li>{@code sendMessage}: validates {@code chat_id}, the text (non-empty, at most 4096 characters
 *       once parsed) and, with {@code parse_mode=HTML}, the markup ({@link FakeHtml}; a rejection is
 *       a 400 "Bad Request: can't parse entities: …"); returns a message with a fresh id;
 *   <li>{@code editMessageText}: the bot's own message, the new text checked like a sent one; the
 *       same text and buttons again is a 400 "message is not modified" ({@link #edits()});
 *   <li>{@code deleteMessage}: the bot's own message ({@link #deleted(long, int)});
 *   <li>{@code setWebhook} (JSON, form or multipart, as telegrambots sends it): records the URL, the
 *       {@code secret_token} and the {@code allowed_updates}; {@code true};
 *   <li>{@code deleteWebhook}, {@code setMyCommands}, {@code sendChatAction},
 *       {@code answerCallbackQuery}, {@code editMessageReplyMarkup}: {@code true};
 *   <li>anything else: 404 "Not Found".
 * </ul>
 * With {@link #expectToken(String)} any other token gets 401 "Unauthorized".
 *
 * <h2>Scripting</h2>
 * {@link #privateMessage}, {@link #groupMessage}, {@link #groupReply}, {@link #anonymousAdminMessage},
 * {@link #callback} and {@link #enqueue} queue updates (with {@code entities} for commands and
 * mentions, as Telegram computes them); {@link #redeliver} delivers an update once more whatever
 * the offset (as after a crash before the offset was confirmed). {@link #failNext},
 * {@link #rateLimitNext} and {@link #failNextRaw} make the next call of a method fail.
 *
 * <h2>Webhooks</h2>
 * {@link #deliverByWebhook(List)} makes the fake push updates instead of serving {@code getUpdates}
 * (which then gets 409, as with Telegram), the way Telegram and a load balancer in front of several
 * instances do: each queued update is POSTed, with the {@code secret_token} of the last
 * {@code setWebhook} in {@code X-Telegram-Bot-Api-Secret-Token}, to the next target in turn, and
 * posted again (to the next target) until one answers 200. {@link #deliverToAll} posts one update to
 * every target at once (a duplicated delivery); {@link #postWebhook} posts one with any secret and
 * returns the status. {@link #webhookDeliveries()} records every request.
 *
 * <h2>Observing</h2>
 * {@link #calls()} and {@link #sentMessages()} record everything; the {@code await…} methods wait
 * (without sleeping) until enough has arrived or throw {@link AssertionError} after the timeout.
 * A call is recorded in {@link #calls()} once answered; {@link #awaitArrivals} sees it on arrival.
 *
 * <h2>Control endpoints</h2>
 * For scripts next to a running bot: {@code POST /_fake/private {"user_id":1,"text":"…"}},
 * {@code POST /_fake/group {"chat_id":-100,"user_id":1,"text":"…"}}, {@code POST /_fake/update}
 * (a raw update), {@code GET /_fake/sent}, {@code GET /_fake/calls}.
 */
public final class FakeTelegramServer implements AutoCloseable {

    /** The bot's user id in {@code getMe}. */
    public static final long BOT_ID = 700000001L;
    /** The bot's username in {@code getMe}. */
    public static final String BOT_USERNAME = "EpisodeTestBot";
    /** Telegram's limit for a message's text. */
    public static final int MAX_TEXT = 4096;

    private static final Pattern BOT_PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z0-9_]+)/?$");
    private static final Pattern COMMAND = Pattern.compile("^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{1,64})?");
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_])@[A-Za-z0-9_]{3,32}");

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final HttpServer http;
    private final ExecutorService executor;
    private final Object lock = new Object();

    // guarded by lock
    private final List<Queued> queue = new ArrayList<>();
    private final List<RecordedCall> calls = new ArrayList<>();
    private final List<RecordedCall> arrivals = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<Long, String> chatTypes = new HashMap<>();
    private final Map<Long, String> userLanguages = new HashMap<>();
    private final Map<Long, Integer> lastMessageIds = new HashMap<>();
    private final Map<Long, Map<Integer, Long>> messageAuthors = new HashMap<>();
    private final List<EditedMessage> edits = new ArrayList<>();
    private final Map<String, String> shown = new HashMap<>(); // "chat:message" -> text and buttons shown now
    private final List<String> deleted = new ArrayList<>();
    private int nextUpdateId = 1;
    private long nextSeq = 1;
    private boolean closed;
    private String expectedToken;
    private Duration maxHold = Duration.ofSeconds(25);
    private Consumer<RecordedCall> listener = call -> { };
    private List<String> webhookTargets = List.of();
    private boolean webhooksHeld;
    private int nextTarget;
    private String webhookSecret;
    private final List<WebhookDelivery> webhookDeliveries = new ArrayList<>();
    private Thread webhookPusher;
    private final java.net.http.HttpClient webhookClient = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Queued(int updateId, ObjectNode update, boolean forced) {
    }

    private record Fault(int status, String contentType, String body) {
    }

    /** A response; {@code sent} is the accepted message, recorded together with the call. */
    private record Reply(int status, String contentType, String body, SentMessage sent, EditedMessage edit) {
        Reply(int status, String contentType, String body) {
            this(status, contentType, body, null, null);
        }
    }

    private FakeTelegramServer(int port) throws IOException {
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-telegram");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(executor);
        http.createContext("/", this::serve);
        http.start();
    }

    /** Starts a server on a free port. */
    public static FakeTelegramServer start() {
        return start(0);
    }

    /** Starts a server on {@code port} (0: any free port). */
    public static FakeTelegramServer start(int port) {
        try {
            return new FakeTelegramServer(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Telegram server on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the value for {@code TELEGRAM_API_URL}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Only {@code token} is accepted from now on; other tokens get 401. Null accepts any. */
    public FakeTelegramServer expectToken(String token) {
        synchronized (lock) {
            expectedToken = token;
        }
        return this;
    }

    /** The longest a {@code getUpdates} call is held open (default 25 s). */
    public FakeTelegramServer maxHold(Duration hold) {
        synchronized (lock) {
            maxHold = hold;
        }
        return this;
    }

    /** Called with every recorded call (for printing). */
    public FakeTelegramServer onCall(Consumer<RecordedCall> callListener) {
        synchronized (lock) {
            listener = callListener;
        }
        return this;
    }

    // ---------------------------------------------------------------- scripting updates

    /** The {@code language_code} of {@code userId}'s later messages and button presses ({@code en} unless set). */
    public FakeTelegramServer userLanguage(long userId, String languageCode) {
        synchronized (lock) {
            userLanguages.put(userId, languageCode);
        }
        return this;
    }

    /** A private-chat text message from {@code userId} (the chat id is the user id). */
    public Incoming privateMessage(long userId, String text) {
        return message(userId, "private", userId, text, null);
    }

    /** A supergroup text message. {@code chatId} should be negative, like Telegram's. */
    public Incoming groupMessage(long chatId, long userId, String text) {
        return message(chatId, "supergroup", userId, text, null);
    }

    /** A supergroup text message replying to {@code replyToMessageId} (the bot's, if the bot sent it). */
    public Incoming groupReply(long chatId, long userId, String text, int replyToMessageId) {
        return message(chatId, "supergroup", userId, text, replyToMessageId);
    }

    /** A message from an anonymous group admin: from GroupAnonymousBot, sender_chat the group. */
    public Incoming anonymousAdminMessage(long chatId, String text) {
        synchronized (lock) {
            ObjectNode message = baseMessage(chatId, "supergroup", text);
            message.set("from", user(1087968824L, true, "Group", "GroupAnonymousBot", null));
            ObjectNode senderChat = message.putObject("sender_chat");
            senderChat.put("id", chatId).put("type", "supergroup").put("title", "Test group");
            return enqueueLocked(wrap("message", message), message.get("message_id").asInt());
        }
    }

    /** A press on an inline button under message {@code messageId} in {@code chatId}. */
    public Incoming callback(long userId, long chatId, int messageId, String data) {
        synchronized (lock) {
            ObjectNode query = json.createObjectNode();
            query.put("id", "cq-" + nextUpdateId);
            query.set("from", user(userId, false, "User" + userId, null, userLanguages.getOrDefault(userId, "en")));
            ObjectNode message = query.putObject("message");
            message.put("message_id", messageId).put("date", now());
            message.set("chat", chat(chatId, chatTypes.getOrDefault(chatId, chatId > 0 ? "private" : "supergroup")));
            message.set("from", botUser());
            message.put("text", "…");
            query.put("chat_instance", "ci-" + chatId);
            query.put("data", data);
            return enqueueLocked(wrap("callback_query", query), 0);
        }
    }

    /** Queues a raw update; {@code update_id} is assigned when missing. */
    public Incoming enqueue(ObjectNode update) {
        synchronized (lock) {
            return enqueueLocked(update, update.path("message").path("message_id").asInt(0));
        }
    }

    /** Delivers {@code update} once more with the next {@code getUpdates}, whatever its offset. */
    public void redeliver(Incoming update) {
        synchronized (lock) {
            queue.add(new Queued(update.updateId(), update.update().deepCopy(), true));
            lock.notifyAll();
        }
    }

    // ---------------------------------------------------------------- webhooks

    /**
     * From now on, queued updates are posted to these URLs in turn (a load balancer in front of
     * several instances) instead of being served by {@code getUpdates}.
     */
    public FakeTelegramServer deliverByWebhook(List<String> targets) {
        synchronized (lock) {
            webhookTargets = List.copyOf(targets);
            if (webhookPusher == null) {
                webhookPusher = new Thread(this::pushUpdates, "fake-telegram-webhook");
                webhookPusher.setDaemon(true);
                webhookPusher.start();
            }
            lock.notifyAll();
        }
        return this;
    }

    /**
     * Holds the pusher (updates scripted meanwhile wait in the queue) until {@link #releaseWebhooks()}:
     * for a test that takes an update out ({@link #withdraw}) to post it somewhere itself.
     */
    public FakeTelegramServer holdWebhooks() {
        synchronized (lock) {
            webhooksHeld = true;
        }
        return this;
    }

    /** Lets the pusher go on after {@link #holdWebhooks()}. */
    public FakeTelegramServer releaseWebhooks() {
        synchronized (lock) {
            webhooksHeld = false;
            lock.notifyAll();
        }
        return this;
    }

    /** Takes a queued update out of the queue: it is neither pushed nor served by {@code getUpdates}. */
    public Incoming withdraw(Incoming update) {
        synchronized (lock) {
            queue.removeIf(q -> q.updateId() == update.updateId());
        }
        return update;
    }

    /** The {@code secret_token} of the last {@code setWebhook}, or null. */
    public String webhookSecret() {
        synchronized (lock) {
            return webhookSecret;
        }
    }

    /** Every webhook request made so far, in order. */
    public List<WebhookDelivery> webhookDeliveries() {
        synchronized (lock) {
            return List.copyOf(webhookDeliveries);
        }
    }

    /** Waits until {@code count} webhook requests have come back with 200. */
    public List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) {
        return awaitMatching(() -> webhookDeliveries.stream().filter(d -> d.status() == 200).toList(),
                list -> list.size() >= count, timeout, count + " webhook deliveries answered 200");
    }

    /** Posts {@code update} to every webhook target at once (as a duplicated delivery); returns the statuses. */
    public List<Integer> deliverToAll(Incoming update) {
        List<String> targets;
        String secret;
        synchronized (lock) {
            queue.removeIf(q -> q.updateId() == update.updateId());
            targets = webhookTargets;
            secret = webhookSecret;
        }
        List<java.util.concurrent.CompletableFuture<Integer>> posts = new ArrayList<>();
        for (String target : targets) {
            posts.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> postWebhook(target, secret, update), executor));
        }
        return posts.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    /**
     * Posts {@code update} to {@code target} with {@code secret} in the header (none when null), as
     * Telegram would, and returns the HTTP status (-1 when the connection failed).
     */
    public int postWebhook(String target, String secret, Incoming update) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(target))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(update.update().toString()));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        int status;
        try {
            status = webhookClient.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        synchronized (lock) {
            webhookDeliveries.add(new WebhookDelivery(update.updateId(), target, status, Instant.now()));
            lock.notifyAll();
        }
        return status;
    }

    /** The webhook pusher: each queued update to the next target, again until one takes it. */
    private void pushUpdates() {
        while (true) {
            Queued next;
            String target;
            String secret;
            synchronized (lock) {
                while (!closed && (queue.isEmpty() || webhookTargets.isEmpty() || webhooksHeld)) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                next = queue.stream().min(Comparator.comparingInt(Queued::updateId)).orElseThrow();
                queue.remove(next);
                target = webhookTargets.get(nextTarget++ % webhookTargets.size());
                secret = webhookSecret;
            }
            int status = postWebhook(target, secret, new Incoming(next.updateId(), 0, next.update()));
            if (status != 200) {
                synchronized (lock) {
                    queue.add(next); // Telegram tries again later
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- faults

    /** The next call of {@code method} gets {@code status} with Telegram's error JSON. */
    public void failNext(String method, int status, String description) {
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", status)
                .put("description", description);
        failNextRaw(method, status, "application/json", body.toString());
    }

    /** The next call of {@code method} gets 429 with {@code parameters.retry_after}. */
    public void rateLimitNext(String method, int retryAfterSeconds) {
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", 429)
                .put("description", "Too Many Requests: retry after " + retryAfterSeconds);
        body.putObject("parameters").put("retry_after", retryAfterSeconds);
        failNextRaw(method, 429, "application/json", body.toString());
    }

    /** The next call of {@code method} gets exactly this response. */
    public void failNextRaw(String method, int status, String contentType, String body) {
        synchronized (lock) {
            faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>())
                    .add(new Fault(status, contentType, body));
        }
    }

    // ---------------------------------------------------------------- observing

    /** Every answered call so far, in order of arrival ({@link RecordedCall#seq()}). */
    public List<RecordedCall> calls() {
        synchronized (lock) {
            return calls.stream().sorted(Comparator.comparingLong(RecordedCall::seq)).toList();
        }
    }

    /** The calls of {@code method} (any case) so far, in order. */
    public List<RecordedCall> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals(m))
                    .sorted(Comparator.comparingLong(RecordedCall::seq)).toList();
        }
    }

    /** Every accepted {@code sendMessage}, in order of arrival. */
    public List<SentMessage> sentMessages() {
        synchronized (lock) {
            return sentInOrder();
        }
    }

    /** The accepted messages sent to {@code chatId}, in order of arrival. */
    public List<SentMessage> sentTo(long chatId) {
        synchronized (lock) {
            return sentInOrder().stream().filter(m -> m.chatId() == chatId).toList();
        }
    }

    private List<SentMessage> sentInOrder() {
        return sent.stream().sorted(Comparator.comparingLong(SentMessage::seq)).toList();
    }

    /** Waits until {@code count} calls of {@code method} have arrived; returns them all. */
    public List<RecordedCall> awaitCalls(String method, int count, Duration timeout) {
        String m = method.toLowerCase(Locale.ROOT);
        return awaitMatching(() -> calls.stream().filter(c -> c.method().equals(m)).toList(),
                list -> list.size() >= count, timeout, count + " " + method + " calls");
    }

    /**
     * Waits until {@code count} calls of {@code method} have arrived, answered or not (a long poll is
     * answered only when updates come or it times out); returns them with status -1.
     */
    public List<RecordedCall> awaitArrivals(String method, int count, Duration timeout) {
        String m = method.toLowerCase(Locale.ROOT);
        return awaitMatching(() -> arrivals.stream().filter(c -> c.method().equals(m)).toList(),
                list -> list.size() >= count, timeout, count + " " + method + " calls to arrive");
    }

    /** Every accepted {@code editMessageText}, in order of arrival. */
    public List<EditedMessage> edits() {
        synchronized (lock) {
            return edits.stream().sorted(Comparator.comparingLong(EditedMessage::seq)).toList();
        }
    }

    /**
     * What the bot's message {@code messageId} in {@code chatId} shows now (its last accepted text,
     * edits included), or null when there is no such message (or it was deleted).
     */
    public String shownText(long chatId, int messageId) {
        synchronized (lock) {
            String now = shown.get(chatId + ":" + messageId);
            return now == null ? null : now.substring(0, now.indexOf('\u0000'));
        }
    }

    /** Waits until what message {@code messageId} of {@code chatId} shows matches {@code test}; returns it. */
    public String awaitShownText(long chatId, int messageId, Predicate<String> test, Duration timeout) {
        return awaitMatching(() -> {
            String now = shown.get(chatId + ":" + messageId);
            String text = now == null ? null : now.substring(0, now.indexOf('\u0000'));
            return text != null && test.test(text) ? List.of(text) : List.<String>of();
        }, list -> !list.isEmpty(), timeout, "message " + messageId + " in chat " + chatId + " to show the text").get(0);
    }

    /** Whether the bot deleted message {@code messageId} of {@code chatId}. */
    public boolean deleted(long chatId, int messageId) {
        synchronized (lock) {
            return deleted.contains(chatId + ":" + messageId);
        }
    }

    /** Waits until an accepted edit of a message in {@code chatId} matches {@code test}; returns it. */
    public EditedMessage awaitEdit(long chatId, Predicate<EditedMessage> test, Duration timeout) {
        return awaitMatching(() -> edits.stream().filter(e -> e.chatId() == chatId && test.test(e)).toList(),
                list -> !list.isEmpty(), timeout, "a matching edit in chat " + chatId).get(0);
    }

    /** Waits until {@code count} messages have been accepted; returns them all. */
    public List<SentMessage> awaitSentMessages(int count, Duration timeout) {
        return awaitMatching(this::sentInOrder, list -> list.size() >= count, timeout,
                count + " sent messages");
    }

    /** Waits for the message that replies to {@code messageId} in {@code chatId}. */
    public SentMessage awaitReplyTo(long chatId, int messageId, Duration timeout) {
        return awaitMatching(
                () -> sent.stream().filter(s -> s.chatId() == chatId && Integer.valueOf(messageId)
                        .equals(s.replyToMessageId())).toList(),
                list -> !list.isEmpty(), timeout, "a reply to message " + messageId + " in chat " + chatId).get(0);
    }

    private <T> List<T> awaitMatching(java.util.function.Supplier<List<T>> snapshot, Predicate<List<T>> done,
            Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<T> current = snapshot.get();
                if (done.test(current)) {
                    return current;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                            + "; calls so far: " + describeCalls());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for " + what, e);
                }
            }
        }
    }

    private String describeCalls() {
        StringBuilder sb = new StringBuilder();
        for (RecordedCall call : calls) {
            sb.append("\n  #").append(call.seq()).append(' ').append(call.method()).append(" -> ").append(call.status());
            if (call.method().equals("sendmessage")) {
                sb.append(" chat=").append(call.params().path("chat_id").asText())
                        .append(" text=").append(abbreviate(call.params().path("text").asText()));
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        http.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- HTTP

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/_fake/")) {
                respond(exchange, control(path.substring("/_fake/".length()), exchange));
                return;
            }
            Matcher m = BOT_PATH.matcher(path);
            if (!m.matches()) {
                respond(exchange, error(404, "Not Found"));
                return;
            }
            String token = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            String method = m.group(2).toLowerCase(Locale.ROOT);
            long seq;
            synchronized (lock) {
                seq = nextSeq++;
            }
            JsonNode params;
            try {
                params = parameters(exchange);
            } catch (IOException e) {
                respond(exchange, error(400, "Bad Request: can't parse the request body"));
                return;
            }
            synchronized (lock) {
                arrivals.add(new RecordedCall(seq, Instant.now(), token, method, params, -1, null));
                lock.notifyAll();
            }
            Reply reply = dispatch(seq, token, method, params);
            record(seq, token, method, params, reply);
            respond(exchange, reply);
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    private Reply dispatch(long seq, String token, String method, JsonNode params) {
        synchronized (lock) {
            if (expectedToken != null && !expectedToken.equals(token)) {
                return error(401, "Unauthorized");
            }
            Deque<Fault> pending = faults.get(method);
            if (pending != null && !pending.isEmpty()) {
                Fault fault = pending.poll();
                return new Reply(fault.status(), fault.contentType(), fault.body());
            }
        }
        return switch (method) {
            case "getme" -> ok(botUser());
            case "getupdates" -> webhookMode() ? error(409,
                    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
                    : getUpdates(params);
            case "setwebhook" -> setWebhook(params);
            case "sendmessage" -> sendMessage(seq, params);
            case "editmessagetext" -> editMessageText(seq, params);
            case "deletemessage" -> deleteMessage(params);
            case "deletewebhook", "setmycommands", "sendchataction", "answercallbackquery",
                    "editmessagereplymarkup", "deletemycommands" -> ok(json.getNodeFactory().booleanNode(true));
            default -> error(404, "Not Found: method not found");
        };
    }

    private boolean webhookMode() {
        synchronized (lock) {
            return !webhookTargets.isEmpty();
        }
    }

    private Reply setWebhook(JsonNode params) {
        if (params.path("url").asText("").isBlank()) {
            return error(400, "Bad Request: bad webhook: an HTTPS URL must be provided for webhook");
        }
        synchronized (lock) {
            webhookSecret = params.hasNonNull("secret_token") ? params.get("secret_token").asText() : null;
        }
        return ok(json.getNodeFactory().booleanNode(true));
    }

    private Reply getUpdates(JsonNode params) {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeoutMillis = TimeUnit.SECONDS.toMillis(Math.max(0, params.path("timeout").asLong(0)));
        synchronized (lock) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(timeoutMillis,
                    maxHold.toMillis()));
            List<Queued> batch;
            while (true) {
                if (offset > 0) {
                    queue.removeIf(q -> !q.forced() && q.updateId() < offset);
                }
                batch = queue.stream()
                        .filter(q -> q.forced() || q.updateId() >= offset)
                        .sorted(Comparator.comparing(Queued::forced).reversed()
                                .thenComparingInt(Queued::updateId))
                        .limit(limit)
                        .toList();
                long left = deadline - System.nanoTime();
                if (!batch.isEmpty() || left <= 0 || closed) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ArrayNode result = json.createArrayNode();
            for (Iterator<Queued> it = batch.iterator(); it.hasNext(); ) {
                Queued q = it.next();
                result.add(q.update().deepCopy());
                if (q.forced()) {
                    queue.remove(q);
                }
            }
            return ok(result);
        }
    }

    /** What a text shows once parsed, or Telegram's refusal of it (bad HTML, unknown parse mode, empty). */
    private record Shown(String plain, Reply refusal) {}

    private Shown parse(String text, String parseMode) {
        String plain = text;
        if (parseMode != null && parseMode.equalsIgnoreCase("HTML")) {
            try {
                plain = FakeHtml.toPlain(text);
            } catch (FakeHtml.HtmlException e) {
                return new Shown(null, error(400, "Bad Request: can't parse entities: " + e.getMessage()));
            }
        } else if (parseMode != null) {
            return new Shown(null, error(400, "Bad Request: unsupported parse_mode " + parseMode));
        }
        if (plain.isBlank()) {
            return new Shown(null, error(400, "Bad Request: message text is empty"));
        }
        return new Shown(plain, null);
    }

    private Reply sendMessage(long seq, JsonNode params) {
        if (!params.hasNonNull("chat_id") || params.path("chat_id").asText().isBlank()) {
            return error(400, "Bad Request: chat_id is empty");
        }
        long chatId = params.path("chat_id").asLong();
        Content content = content(params, "Bad Request: message is too long");
        if (content.refusal() != null) {
            return content.refusal();
        }
        String text = content.text();
        String parseMode = content.parseMode();
        String plain = content.plain();
        List<String> callbackData = content.callbackData();
        Integer replyTo = params.path("reply_parameters").hasNonNull("message_id")
                ? Integer.valueOf(params.path("reply_parameters").path("message_id").asInt())
                : params.hasNonNull("reply_to_message_id") ? Integer.valueOf(params.get("reply_to_message_id").asInt())
                : null;
        Integer threadId = params.hasNonNull("message_thread_id")
                ? Integer.valueOf(params.get("message_thread_id").asInt()) : null;
        synchronized (lock) {
            int messageId = nextMessageId(chatId);
            messageAuthors.computeIfAbsent(chatId, c -> new HashMap<>()).put(messageId, BOT_ID);
            ObjectNode message = json.createObjectNode();
            message.put("message_id", messageId).put("date", now());
            message.set("chat", chat(chatId, chatTypes.getOrDefault(chatId, chatId > 0 ? "private" : "supergroup")));
            message.set("from", botUser());
            message.put("text", plain);
            Reply reply = ok(message);
            shown.put(chatId + ":" + messageId, plain + "\u0000" + callbackData);
            return new Reply(reply.status(), reply.contentType(), reply.body(), new SentMessage(seq, Instant.now(),
                    chatId, messageId, text, parseMode, plain, replyTo, threadId, List.copyOf(callbackData)), null);
        }
    }

    /** A message's text and buttons as sent, as shown, or the refusal Telegram gives them. */
    private record Content(String text, String parseMode, String plain, List<String> callbackData, Reply refusal) {}

    /**
     * The text, its parse mode and buttons of a {@code sendMessage} or {@code editMessageText}, checked
     * alike (markup, length as shown, callback data); the two methods word a too-long text differently.
     */
    private Content content(JsonNode params, String tooLong) {
        String text = params.path("text").asText("");
        String parseMode = params.hasNonNull("parse_mode") ? params.get("parse_mode").asText() : null;
        Shown parsed = parse(text, parseMode);
        if (parsed.refusal() != null) {
            return new Content(text, parseMode, null, null, parsed.refusal());
        }
        if (parsed.plain().length() > MAX_TEXT) {
            return new Content(text, parseMode, null, null, error(400, tooLong));
        }
        List<String> callbackData = callbackData(params);
        if (callbackData == null) {
            return new Content(text, parseMode, null, null, error(400, "Bad Request: BUTTON_DATA_INVALID"));
        }
        return new Content(text, parseMode, parsed.plain(), callbackData, null);
    }

    /** The inline keyboard's callback data, in order; null when one is empty or over Telegram's 64 bytes. */
    private static List<String> callbackData(JsonNode params) {
        List<String> callbackData = new ArrayList<>();
        for (JsonNode row : params.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                String data = button.path("callback_data").asText(null);
                if (data != null) {
                    if (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64) {
                        return null;
                    }
                    callbackData.add(data);
                }
            }
        }
        return callbackData;
    }

    /**
     * {@code editMessageText}: the bot's own message, its new text checked like a sent one; the same
     * text and buttons again is Telegram's 400 "message is not modified".
     */
    private Reply editMessageText(long seq, JsonNode params) {
        if (!params.hasNonNull("chat_id") || !params.hasNonNull("message_id")) {
            return error(400, "Bad Request: chat_id and message_id are required");
        }
        long chatId = params.path("chat_id").asLong();
        int messageId = params.path("message_id").asInt();
        Content content = content(params, "Bad Request: MESSAGE_TOO_LONG");
        if (content.refusal() != null) {
            return content.refusal();
        }
        String text = content.text();
        String parseMode = content.parseMode();
        String plain = content.plain();
        List<String> callbackData = content.callbackData();
        synchronized (lock) {
            Long author = messageAuthors.getOrDefault(chatId, Map.of()).get(messageId);
            if (author == null || author != BOT_ID) {
                return error(400, "Bad Request: message to edit not found");
            }
            String key = chatId + ":" + messageId;
            String now = plain + "\u0000" + callbackData;
            if (now.equals(shown.get(key))) {
                return error(400, "Bad Request: message is not modified: specified new message content and reply markup"
                        + " are exactly the same as a current content and reply markup of the message");
            }
            shown.put(key, now);
            ObjectNode message = json.createObjectNode();
            message.put("message_id", messageId).put("date", now()).put("edit_date", now());
            message.set("chat", chat(chatId, chatTypes.getOrDefault(chatId, chatId > 0 ? "private" : "supergroup")));
            message.set("from", botUser());
            message.put("text", plain);
            Reply reply = ok(message);
            return new Reply(reply.status(), reply.contentType(), reply.body(), null, new EditedMessage(seq,
                    Instant.now(), chatId, messageId, text, parseMode, plain, List.copyOf(callbackData)));
        }
    }

    private Reply deleteMessage(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        int messageId = params.path("message_id").asInt();
        synchronized (lock) {
            if (shown.remove(chatId + ":" + messageId) == null) {
                return error(400, "Bad Request: message to delete not found");
            }
            deleted.add(chatId + ":" + messageId);
            return ok(json.getNodeFactory().booleanNode(true));
        }
    }

    private Reply control(String action, HttpExchange exchange) throws IOException {
        JsonNode body = "POST".equalsIgnoreCase(exchange.getRequestMethod()) ? parameters(exchange)
                : json.createObjectNode();
        Incoming incoming;
        switch (action) {
            case "private" -> incoming = privateMessage(body.path("user_id").asLong(1001),
                    body.path("text").asText(""));
            case "group" -> incoming = groupMessage(body.path("chat_id").asLong(-1001),
                    body.path("user_id").asLong(1001), body.path("text").asText(""));
            case "update" -> incoming = enqueue((ObjectNode) body);
            case "sent" -> {
                return ok(json.valueToTree(sentMessages()));
            }
            case "calls" -> {
                return ok(json.valueToTree(calls()));
            }
            default -> {
                return error(404, "Not Found: unknown control action");
            }
        }
        return ok(json.createObjectNode().put("update_id", incoming.updateId())
                .put("message_id", incoming.messageId()));
    }

    // ---------------------------------------------------------------- helpers

    private Incoming message(long chatId, String chatType, long userId, String text, Integer replyTo) {
        synchronized (lock) {
            ObjectNode message = baseMessage(chatId, chatType, text);
            message.set("from", user(userId, false, "User" + userId, "user" + userId,
                    userLanguages.getOrDefault(userId, "en")));
            if (replyTo != null) {
                long author = messageAuthors.getOrDefault(chatId, Map.of()).getOrDefault(replyTo, BOT_ID);
                ObjectNode replied = message.putObject("reply_to_message");
                replied.put("message_id", replyTo).put("date", now());
                replied.set("chat", chat(chatId, chatType));
                replied.set("from", author == BOT_ID ? botUser() : user(author, false, "User" + author, null, null));
                replied.put("text", "…");
            }
            messageAuthors.computeIfAbsent(chatId, c -> new HashMap<>()).put(message.get("message_id").asInt(), userId);
            return enqueueLocked(wrap("message", message), message.get("message_id").asInt());
        }
    }

    private ObjectNode baseMessage(long chatId, String chatType, String text) {
        chatTypes.put(chatId, chatType);
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextMessageId(chatId)).put("date", now());
        message.set("chat", chat(chatId, chatType));
        message.put("text", text);
        ArrayNode entities = entities(text);
        if (!entities.isEmpty()) {
            message.set("entities", entities);
        }
        return message;
    }

    /** bot_command and mention entities, offsets in UTF-16 code units as Telegram counts them. */
    private ArrayNode entities(String text) {
        ArrayNode entities = json.createArrayNode();
        int commandEnd = 0;
        Matcher command = COMMAND.matcher(text);
        if (command.find()) {
            commandEnd = command.end();
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", commandEnd);
        }
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            if (mention.start() >= commandEnd) {
                entities.addObject().put("type", "mention").put("offset", mention.start())
                        .put("length", mention.end() - mention.start());
            }
        }
        return entities;
    }

    private Incoming enqueueLocked(ObjectNode update, int messageId) {
        int updateId = update.hasNonNull("update_id") ? update.get("update_id").asInt() : nextUpdateId;
        update.put("update_id", updateId);
        nextUpdateId = Math.max(nextUpdateId, updateId + 1);
        queue.add(new Queued(updateId, update, false));
        lock.notifyAll();
        return new Incoming(updateId, messageId, update);
    }

    private ObjectNode wrap(String field, ObjectNode content) {
        ObjectNode update = json.createObjectNode();
        update.set(field, content);
        return update;
    }

    private int nextMessageId(long chatId) {
        return lastMessageIds.merge(chatId, 1, Integer::sum);
    }

    private ObjectNode chat(long chatId, String type) {
        ObjectNode chat = json.createObjectNode().put("id", chatId).put("type", type);
        if (type.equals("private")) {
            chat.put("first_name", "User" + chatId);
        } else {
            chat.put("title", "Test group");
        }
        return chat;
    }

    private ObjectNode botUser() {
        return user(BOT_ID, true, "Episode Test Bot", BOT_USERNAME, null);
    }

    private ObjectNode user(long id, boolean bot, String firstName, String username, String languageCode) {
        ObjectNode user = json.createObjectNode().put("id", id).put("is_bot", bot).put("first_name", firstName);
        if (username != null) {
            user.put("username", username);
        }
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private JsonNode parameters(HttpExchange exchange) throws IOException {
        ObjectNode params = json.createObjectNode();
        addForm(params, exchange.getRequestURI().getRawQuery());
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return params;
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                .toLowerCase(Locale.ROOT);
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (contentType.startsWith("multipart/form-data")) {
            addMultipart(params, contentType, body);
        } else if (contentType.contains("json") || body.stripLeading().startsWith("{")) {
            JsonNode parsed = json.readTree(body);
            if (parsed instanceof ObjectNode object) {
                params.setAll(object);
            }
        } else {
            addForm(params, body);
        }
        return params;
    }

    /** The text parts of a multipart/form-data body (how telegrambots sends setWebhook). */
    private void addMultipart(ObjectNode params, String contentType, String body) throws IOException {
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!boundary.find()) {
            return;
        }
        for (String part : body.split("--" + Pattern.quote(boundary.group(1)))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part.substring(0, split));
            if (!name.find()) {
                continue;
            }
            String value = part.substring(split + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            if (value.startsWith("[") || value.startsWith("{")) {
                params.set(name.group(1), json.readTree(value));
            } else {
                params.put(name.group(1), value);
            }
        }
    }

    private void addForm(ObjectNode params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (value.startsWith("{") || value.startsWith("[")) {
                try {
                    params.set(key, json.readTree(value));
                    continue;
                } catch (IOException e) {
                    // not JSON: keep the string
                }
            }
            params.put(key, value);
        }
    }

    private void record(long seq, String token, String method, JsonNode params, Reply reply) {
        RecordedCall call;
        Consumer<RecordedCall> callListener;
        synchronized (lock) {
            JsonNode response;
            try {
                response = json.readTree(reply.body());
            } catch (IOException e) {
                response = json.getNodeFactory().textNode(reply.body());
            }
            call = new RecordedCall(seq, Instant.now(), token, method, params, reply.status(), response);
            calls.add(call);
            if (reply.sent() != null) {
                sent.add(reply.sent());
            }
            if (reply.edit() != null) {
                edits.add(reply.edit());
            }
            callListener = listener;
            lock.notifyAll();
        }
        callListener.accept(call);
    }

    private void respond(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Reply ok(JsonNode result) {
        ObjectNode body = json.createObjectNode().put("ok", true);
        body.set("result", result);
        return new Reply(200, "application/json", body.toString());
    }

    private Reply error(int status, String description) {
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", status)
                .put("description", description);
        return new Reply(status, "application/json", body.toString());
    }

    static String abbreviate(String text) {
        String oneLine = text.replace("\n", "⏎");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "…";
    }
}
