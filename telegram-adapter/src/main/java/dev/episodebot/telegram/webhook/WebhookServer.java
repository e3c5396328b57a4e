package dev.episodebot.telegram.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint Telegram posts updates to (a JDK {@link HttpServer}, like the health endpoint):
 * {@code POST} on the path of {@code TELEGRAM_WEBHOOK_URL}, on {@code TELEGRAM_WEBHOOK_BIND}:{@code
 * TELEGRAM_WEBHOOK_PORT}. A request whose {@code X-Telegram-Bot-Api-Secret-Token} is not the
 * configured secret (compared in constant time) gets 401 and its body is never read. A good one is
 * read (at most {@value #MAX_BODY_BYTES} bytes), handed to the intake, which only queues it (so one
 * chat's updates keep the order they arrived in), and answered 200 at once: Telegram never waits
 * for an answer, which goes out through the Bot API.
 */
public final class WebhookServer implements AutoCloseable {

    /** Telegram's updates are a few kilobytes; anything this large is not one. */
    static final int MAX_BODY_BYTES = 1 << 20;
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String path;
    private final byte[] secret;
    private final Consumer<byte[]> intake;
    private final AtomicLong lastRejectionLog = new AtomicLong(System.nanoTime() - QUIET_NANOS);
    private volatile boolean running;

    /**
     * Starts listening.
     *
     * @param intake takes the body of each authentic update and queues it, quickly (on the server's
     *     threads, before the 200: it blocks only while the queue is full, which holds Telegram back)
     * @param threads how many requests are served at once
     */
    public WebhookServer(WebhookConfig config, Consumer<byte[]> intake, int threads) throws IOException {
        this.path = config.path();
        this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
        this.intake = intake;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "telegram-webhook-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 64);
        server.setExecutor(executor);
        server.createContext(path, this::serve);
        server.start();
        running = true;
    }

    /** The port listened on (the configured one, or the one picked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://bind:port/path}: where a reverse proxy forwards to. */
    public String localUrl() {
        String host = server.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + path;
    }

    public boolean isRunning() {
        return running;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            if (!exchange.getRequestURI().getRawPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!authentic(exchange.getRequestHeaders().getFirst(SECRET_HEADER))) {
                logRejection(exchange);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            body = readBody(exchange);
            if (body == null) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            try {
                intake.accept(body);
            } catch (RuntimeException e) {
                log.error("Could not take a Telegram webhook update", e);
            }
            exchange.sendResponseHeaders(200, -1); // at once: the answer goes out through the Bot API
        }
    }

    /** Whether the header holds the secret: constant time in the secret's length, whatever was sent. */
    private boolean authentic(String header) {
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(secret, given);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.strip()) > MAX_BODY_BYTES) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        }
    }

    private void logRejection(HttpExchange exchange) {
        long now = System.nanoTime();
        long previous = lastRejectionLog.get();
        if (now - previous >= QUIET_NANOS && lastRejectionLog.compareAndSet(previous, now)) {
            log.warn("Refused a webhook request from {} without the right {} header (401); is the reverse proxy "
                    + "passing it on, and is TELEGRAM_WEBHOOK_SECRET the one given to setWebhook? (logged at most "
                    + "once a minute)", exchange.getRemoteAddress().getAddress().getHostAddress(), SECRET_HEADER);
        }
    }

    /** Stops taking requests (Telegram retries what it could not deliver, on another instance). */
    @Override
    public void close() {
        running = false;
        server.stop(0);
        executor.shutdown();
    }
}
