package dev.episodebot.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted LLM server on 127.0.0.1 (JDK {@code HttpServer}, no other network) that speaks the
 * OpenAI chat completions protocol ({@code POST /v1/chat/completions}) and Ollama's
 * ({@code POST /api/chat}), so the real langchain4j clients can be tested end to end.
 *
 * <pre>{@code
 * try (FakeChatServer llm = FakeChatServer.start()) {
 *     llm.enqueue(FakeChatServer.Reply.text("Fifteen people [L114]."));   // next request
 *     llm.otherwise(FakeChatServer.Reply.status(500, "boom"));         // every request after the queue
 *     Map<String, String> env = llm.openAiEnv("2s");                    // LLM_PROVIDER, LLM_BASE_URL, ...
 *     ...
 *     llm.requests().get(0).userMessage();                              // what the client sent
 * }
 * }</pre>
 *
 * Replies are answered in the dialect of the path they arrive on, and as a stream when the request
 * asks for one ({@code "stream": true}): OpenAI's server-sent events ({@code data: {chunk}} lines,
 * then {@code data: [DONE]}) or Ollama's NDJSON (one JSON object per line, the last with
 * {@code "done": true}), so the real langchain4j streaming clients can be driven too.
 * {@link Reply#text} is streamed in pieces of a few characters; {@link Reply#stream} sends the
 * given pieces with a pause before each; {@link Reply#cutStream} drops the connection after its
 * pieces; {@link Reply#invalidUtf8Stream} sends bytes that are not UTF-8 inside a piece.
 * {@link Reply#hang()} never answers (until the server is closed), for timeout tests.
 */
public final class FakeChatServer implements AutoCloseable {

    /** A quote the bundled transcript does not hold. */
    public static final String INVENTED_QUOTE = "Reka 有 500 名员工";

    /** What the server does with one request. */
    public sealed interface Reply {

        /** A normal completion whose assistant message is {@code content}. */
        static Reply text(String content) {
            return new Text(content);
        }

        /** An HTTP error with a JSON error body carrying {@code message}. */
        static Reply status(int code, String message) {
            return new Status(code, message);
        }

        /** A 200 response whose body is {@code body} as is (e.g. malformed JSON). */
        static Reply raw(String body) {
            return new Raw(body);
        }

        /** Never answers; the connection stays open until the server closes. */
        static Reply hang() {
            return new Hang();
        }

        /** {@code then}, after a delay (a slow model). */
        static Reply delayed(java.time.Duration delay, Reply then) {
            return new Delayed(delay, then);
        }

        /** Starts a normal 200 response, sends half of it, and drops the connection (a cut stream). */
        static Reply cut() {
            return new Cut();
        }

        /**
         * A streamed completion: each piece is one event (one NDJSON line for Ollama), sent after
         * {@code pause}; a request that does not ask for a stream gets the pieces joined.
         */
        static Reply stream(java.time.Duration pause, String... pieces) {
            return new Streamed(List.of(pieces), pause, false, false);
        }

        /**
         * An answer to "Reka 的技术团队有多少人？" streamed in ten pieces {@code pause} apart: it cites
         * line 114 and lines 116-117, and invents the quote 「{@value FakeChatServer#INVENTED_QUOTE}」
         * (cited to line 114) along the way.
         */
        static Reply streamWithInventedQuote(java.time.Duration pause) {
            return stream(pause, "Reka 的技术团队", "规模很小，", "不到 15 人 [L114]。", "他还说「" + INVENTED_QUOTE + "」",
                    "[L114]。", "创业初期", "是一个", "极为紧张的", "时期", " [L116-117]。");
        }

        /** {@code content} streamed in pieces of {@code pieceChars} characters, one every {@code pause}. */
        static Reply drip(String content, int pieceChars, java.time.Duration pause) {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < content.length(); i += pieceChars) {
                pieces.add(content.substring(i, Math.min(content.length(), i + pieceChars)));
            }
            return new Streamed(pieces, pause, false, false);
        }

        /** Streams {@code pieces}, then drops the connection without ending the stream. */
        static Reply cutStream(String... pieces) {
            return new Streamed(List.of(pieces), java.time.Duration.ZERO, true, false);
        }

        /** Streams {@code pieces} with a piece of invalid UTF-8 bytes after the first, then ends normally. */
        static Reply invalidUtf8Stream(String... pieces) {
            return new Streamed(List.of(pieces), java.time.Duration.ZERO, false, true);
        }
    }

    record Text(String content) implements Reply {}

    record Status(int code, String message) implements Reply {}

    record Raw(String body) implements Reply {}

    record Hang() implements Reply {}

    record Cut() implements Reply {}

    record Delayed(java.time.Duration delay, Reply then) implements Reply {}

    record Streamed(List<String> pieces, java.time.Duration pause, boolean cut, boolean invalidUtf8) implements Reply {}

    /** How many characters of a {@link Reply#text} go in one event of a stream. */
    static final int PIECE_CHARS = 6;

    /** A request as received. */
    public record Recorded(String method, String path, Map<String, String> headers, String body) {

        private static final ObjectMapper JSON = new ObjectMapper();

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The {@code content} of the chat messages with {@code role}, in order. */
        public List<String> messages(String role) {
            List<String> contents = new ArrayList<>();
            for (JsonNode message : json().path("messages")) {
                if (role.equals(message.path("role").asText())) {
                    contents.add(message.path("content").asText());
                }
            }
            return contents;
        }

        /** The system prompt. */
        public String systemMessage() {
            return String.join("\n", messages("system"));
        }

        /** Whether the client asked for a streamed reply. */
        public boolean streamed() {
            return json().path("stream").asBoolean(false);
        }

        /** The (last) user message. */
        public String userMessage() {
            List<String> users = messages("user");
            return users.isEmpty() ? "" : users.get(users.size() - 1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Reply> queue = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Reply otherwise = Reply.status(500, "no reply scripted");

    private FakeChatServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static FakeChatServer start() {
        return start(0);
    }

    /** Starts on {@code port} of 127.0.0.1 (0: a free one). */
    public static FakeChatServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-llm");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            FakeChatServer fake = new FakeChatServer(server, executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} (Ollama's base URL). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/v1} (an OpenAI-compatible base URL). */
    public String openAiBaseUrl() {
        return baseUrl() + "/v1";
    }

    /** {@code LLM_*} variables for the OpenAI provider against this server. */
    public Map<String, String> openAiEnv(String timeout) {
        Map<String, String> env = new HashMap<>();
        env.put("LLM_PROVIDER", "openai");
        env.put("LLM_BASE_URL", openAiBaseUrl());
        env.put("LLM_MODEL", "fake-model");
        env.put("LLM_API_KEY", "sk-test-0123456789abcdef");
        env.put("LLM_TIMEOUT", timeout);
        return env;
    }

    /** {@code LLM_*} variables for the Ollama provider against this server. */
    public Map<String, String> ollamaEnv(String timeout) {
        Map<String, String> env = new HashMap<>();
        env.put("LLM_PROVIDER", "ollama");
        env.put("LLM_BASE_URL", baseUrl());
        env.put("LLM_MODEL", "fake-model");
        env.put("LLM_TIMEOUT", timeout);
        return env;
    }

    /** Scripts the next unanswered request. */
    public FakeChatServer enqueue(Reply reply) {
        queue.addLast(reply);
        return this;
    }

    /** What every request gets once the queue is empty (default: HTTP 500). */
    public FakeChatServer otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests arrived so far. */
    public int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(new Recorded(exchange.getRequestMethod(), path, Map.copyOf(headers), body));
            }
            Reply reply = queue.pollFirst();
            if (reply == null) {
                reply = otherwise;
            }
            if (reply instanceof Delayed delayed) {
                try {
                    Thread.sleep(delayed.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                reply = delayed.then();
            }
            if (reply instanceof Hang) {
                try {
                    closed.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (reply instanceof Cut && json(body).path("stream").asBoolean(false)) {
                reply = Reply.cutStream("半截的", "回答不应该出现");
            }
            if (reply instanceof Cut) {
                byte[] full = (path.startsWith("/api/") ? ollama("半截的回答不应该出现") : openAi("半截的回答不应该出现"))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, full.length);
                OutputStream out = exchange.getResponseBody();
                out.write(full, 0, full.length / 2);
                out.flush(); // closing the exchange below drops the connection with the rest unsent
                return;
            }
            boolean ollama = path.startsWith("/api/");
            boolean stream = json(body).path("stream").asBoolean(false);
            if (reply instanceof Text text && stream) {
                reply = Reply.drip(text.content(), PIECE_CHARS, java.time.Duration.ZERO);
            }
            if (reply instanceof Streamed streamed) {
                if (stream) {
                    stream(exchange, ollama, streamed);
                } else {
                    String whole = String.join("", streamed.pieces());
                    send(exchange, 200, ollama ? ollama(whole) : openAi(whole));
                }
                return;
            }
            if (reply instanceof Status status) {
                ObjectNode error = JSON.createObjectNode();
                error.putObject("error").put("message", status.message()).put("type", "server_error");
                send(exchange, status.code(), JSON.writeValueAsString(error));
            } else if (reply instanceof Raw raw) {
                send(exchange, 200, raw.body());
            } else if (reply instanceof Text text) {
                send(exchange, 200, path.startsWith("/api/") ? ollama(text.content()) : openAi(text.content()));
            }
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Sends a stream in the dialect of the path: OpenAI server-sent events or Ollama NDJSON. */
    private void stream(HttpExchange exchange, boolean ollama, Streamed streamed) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        boolean first = true;
        for (String piece : streamed.pieces()) {
            if (!streamed.pause().isZero()) {
                try {
                    if (closed.await(streamed.pause().toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                out.write(event(ollama, piece, first).getBytes(StandardCharsets.UTF_8));
                if (first && streamed.invalidUtf8()) {
                    out.write(invalidUtf8Event(ollama));
                }
                out.flush();
            } catch (IOException e) {
                return; // the client went away (it cancelled the stream)
            }
            first = false;
        }
        if (streamed.cut()) {
            out.flush(); // closing the exchange now drops the connection without the end of the stream
            return;
        }
        try {
            if (ollama) {
                ObjectNode done = JSON.createObjectNode();
                done.put("model", "fake-model").put("created_at", "2025-01-01T00:00:00Z");
                done.putObject("message").put("role", "assistant").put("content", "");
                done.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 10).put("eval_count", 5);
                out.write((JSON.writeValueAsString(done) + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                ObjectNode last = chunk(null);
                last.withArray("choices").get(0).withObject("delta");
                ((ObjectNode) last.withArray("choices").get(0)).put("finish_reason", "stop");
                out.write(("data: " + JSON.writeValueAsString(last) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
            out.close();
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String event(boolean ollama, String piece, boolean first) throws IOException {
        if (ollama) {
            ObjectNode line = JSON.createObjectNode();
            line.put("model", "fake-model").put("created_at", "2025-01-01T00:00:00Z");
            line.putObject("message").put("role", "assistant").put("content", piece);
            line.put("done", false);
            return JSON.writeValueAsString(line) + "\n";
        }
        ObjectNode chunk = chunk(piece);
        if (first) {
            ((ObjectNode) chunk.withArray("choices").get(0).get("delta")).put("role", "assistant");
        }
        return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
    }

    private static ObjectNode chunk(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion.chunk").put("created", 1_700_000_000L)
                .put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        choice.putNull("finish_reason");
        return root;
    }

    /** One more event whose content holds bytes that are not UTF-8 (a lone continuation byte, an overlong form). */
    private static byte[] invalidUtf8Event(boolean ollama) {
        String template = ollama
                ? "{\"model\":\"fake-model\",\"message\":{\"role\":\"assistant\",\"content\":\"X\"},\"done\":false}\n"
                : "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                        + "\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"X\"},"
                        + "\"finish_reason\":null}]}\n\n";
        byte[] text = template.getBytes(StandardCharsets.UTF_8);
        int at = template.indexOf("\"X\"") + 1;
        byte[] bad = {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF};
        byte[] out = new byte[text.length - 1 + bad.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(text, at + 1, out, at + bad.length, text.length - at - 1);
        return out;
    }

    private static String openAi(String content) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return JSON.writeValueAsString(root);
    }

    private static String ollama(String content) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "fake-model").put("created_at", "2025-01-01T00:00:00Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", true).put("done_reason", "stop").put("total_duration", 1000).put("prompt_eval_count", 10)
                .put("eval_count", 5);
        return JSON.writeValueAsString(root);
    }

    private static void send(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
