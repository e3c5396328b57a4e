package dev.episodebot.redis.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/**
 * A real Redis for tests, on 127.0.0.1.
 *
 * <p>{@link #sharedUrl()}: the one {@code .ci/run} started ({@code EPISODE_BOT_TEST_REDIS_URL}); without
 * it, one this JVM starts from {@code redis-server} (on the {@code PATH}, or
 * {@code EPISODE_BOT_TEST_REDIS_SERVER}) and stops at exit. {@link #startOwn}: a server of the
 * test's own, which it can {@link #stop()} and {@link #start()} again on the same port (Redis down
 * mid-test). Tests use {@link #uniquePrefix()} for their keys, so they never see each other's.
 *
 * <p>When no Redis can be had, the test is skipped with one line saying why, unless Redis is
 * required: {@code EPISODE_BOT_TEST_REDIS_REQUIRED=true} (set by {@code .ci/run}) or {@code CI=true},
 * where it fails instead.
 */
public final class RedisTestServer implements AutoCloseable {

    public static final String URL_VARIABLE = "EPISODE_BOT_TEST_REDIS_URL";
    public static final String SERVER_VARIABLE = "EPISODE_BOT_TEST_REDIS_SERVER";
    public static final String REQUIRED_VARIABLE = "EPISODE_BOT_TEST_REDIS_REQUIRED";

    private static final AtomicBoolean SKIP_SAID = new AtomicBoolean();
    private static RedisTestServer jvmServer;

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;
    private boolean everStarted;

    private RedisTestServer(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** The URL of a running Redis every test of this JVM may share (with its own key prefix). */
    public static synchronized String sharedUrl() {
        String given = System.getenv(URL_VARIABLE);
        if (given != null && !given.isBlank()) {
            String url = given.strip();
            if (!answersPing(url)) {
                skipOrFail("Redis tests skipped: " + URL_VARIABLE + "=" + url + " does not answer PING.");
            }
            return url;
        }
        if (jvmServer == null) {
            Path binary = binaryOrSkip();
            try {
                Path dir = Files.createTempDirectory("episode-bot-redis-");
                jvmServer = new RedisTestServer(binary, dir, freePort());
                jvmServer.start();
                RedisTestServer server = jvmServer;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.stop();
                    deleteQuietly(dir); // its log file; the data was never saved
                }, "redis-test-server-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jvmServer.url();
    }

    /** A Redis of the test's own in {@code dir} (not started yet: call {@link #start()}). */
    public static RedisTestServer own(Path dir) {
        return new RedisTestServer(binaryOrSkip(), dir, freePort());
    }

    /** A key prefix no other test uses. */
    public static String uniquePrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Starts the server (again) on its port and waits until it answers PING. When the first start
     * fails, the test is skipped (or fails where Redis is required); a later one fails the test.
     */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!everStarted) {
            try {
                launch();
            } catch (RuntimeException e) {
                stop();
                skipOrFail("Redis tests skipped: " + binary + " did not start (" + e.getMessage() + ").");
            }
            everStarted = true;
            return;
        }
        launch();
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning"));
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start; see " + dir);
            }
            try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                    .timeoutMillis(500).protocol(RedisProtocol.RESP2).build())) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // starting
            }
            sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer within 15 s");
    }

    /** Stops the server (its data is gone) and waits until it has exited. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends one command to this server (e.g. {@code CLIENT PAUSE 2000} to make it slow). */
    public Object command(String... words) {
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                .timeoutMillis(2000).protocol(RedisProtocol.RESP2).build())) {
            return jedis.sendCommand(() -> redis.clients.jedis.util.SafeEncoder.encode(words[0]),
                    java.util.Arrays.copyOfRange(words, 1, words.length));
        }
    }

    private static Path binaryOrSkip() {
        Optional<Path> binary = findBinary();
        if (binary.isPresent()) {
            return binary.get();
        }
        skipOrFail("Redis tests skipped: no redis-server found (install it, e.g. apt-get install -y redis-server, "
                + "or set " + URL_VARIABLE + "; .ci/run does both).");
        throw new AssertionError("unreachable");
    }

    /** Skips the test with one line (said once per JVM), or fails it where Redis is required. */
    private static void skipOrFail(String why) {
        if (required()) {
            throw new AssertionError(why.replace("skipped", "cannot run") + " Redis is required here ("
                    + REQUIRED_VARIABLE + " or CI is set).");
        }
        if (SKIP_SAID.compareAndSet(false, true)) {
            System.err.println(why);
        }
        Assumptions.abort(why);
    }

    private static boolean answersPing(String url) {
        try (Jedis jedis = new Jedis(java.net.URI.create(url), DefaultJedisClientConfig.builder().timeoutMillis(2000)
                .protocol(RedisProtocol.RESP2).build())) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRED_VARIABLE)) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Optional<Path> findBinary() {
        String given = System.getenv(SERVER_VARIABLE);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given.strip())).filter(Files::isExecutable);
        }
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/usr/sbin"));
        for (String d : dirs) {
            if (d.isBlank()) {
                continue;
            }
            Path candidate = Path.of(d, "redis-server");
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RedisTestServer[" + url() + ", " + binary.getFileName().toString().toLowerCase(Locale.ROOT) + "]";
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
