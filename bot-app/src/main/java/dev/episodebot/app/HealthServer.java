package dev.episodebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.episodebot.core.Connection;
import dev.episodebot.core.PlatformAdapter;
import dev.episodebot.core.index.KnowledgeBase;
import dev.episodebot.core.index.IndexState;
import dev.episodebot.core.index.RefreshReport;
import dev.episodebot.core.state.StateBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * {@code GET /health} on {@code HEALTH_BIND}:{@code HEALTH_PORT} for systemd/Kubernetes probes: 200 with the
 * adapters' connection state, the index size and the last refresh once the index holds what the
 * knowledge folder holds and every started adapter is connected; 503 (same body) until then, after a
 * refresh that failed or indexed nothing from a folder with files, or when an adapter lost its connection.
 * The body also lists every connection ({@code connections}: one per Discord shard) and where the
 * state lives ({@code state}: local, or Redis and whether it answers; an unreachable Redis does not
 * make the instance unready, it answers with its own state meanwhile).
 */
final class HealthServer implements AutoCloseable {

    private final HttpServer server;
    private final List<PlatformAdapter> adapters = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile KnowledgeBase knowledge;
    private volatile StateBackend state;
    private volatile boolean stopping;
    private volatile boolean started;

    /**
     * @param bind the address to listen on ({@code HEALTH_BIND}: 127.0.0.1 by default, 0.0.0.0 in containers)
     * @param port the port ({@code HEALTH_PORT}; 0 picks a free one)
     */
    HealthServer(InetAddress bind, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port/health}. */
    String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/health";
    }

    void knowledge(KnowledgeBase knowledgeBase) {
        this.knowledge = knowledgeBase;
    }

    void state(StateBackend backend) {
        this.state = backend;
    }

    void adapter(PlatformAdapter adapter) {
        adapters.add(adapter);
    }

    /** Every adapter has started: from now on readiness follows their connections. */
    void started() {
        started = true;
    }

    void stopping() {
        stopping = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ObjectNode body = json.createObjectNode();
            KnowledgeBase kb = knowledge;
            RefreshReport last = kb == null ? null : kb.lastReport();
            // ready only when the index holds what the folder holds (not after a failed refresh, nor
            // with nothing indexed from files that are there)
            boolean indexed = last != null && kb.ready();
            boolean connected = true;
            ObjectNode adapterNode = body.putObject("adapters");
            for (PlatformAdapter adapter : adapters) {
                boolean up = adapter.isConnected();
                connected &= up;
                adapterNode.put(adapter.name(), up ? "connected" : "disconnected");
            }
            ObjectNode connectionNode = body.putObject("connections");
            for (PlatformAdapter adapter : adapters) {
                for (Connection connection : adapter.connections()) {
                    connectionNode.put(connection.name(), connection.connected() ? "connected" : "disconnected");
                }
            }
            StateBackend backend = state;
            if (backend != null) {
                body.putObject("state").put("backend", backend.description()).put("shared", backend.shared())
                        .put("reachable", backend.reachable());
            }
            boolean ready = started && indexed && connected && !stopping;
            body.put("status", ready ? "ready" : stopping ? "stopping" : started ? "not ready" : "starting");
            if (kb != null && last != null) {
                IndexState index = kb.index();
                body.putObject("index").put("files", index.sources().size()).put("chunks", index.chunks().size())
                        .put("model", index.model().displayName());
                body.putObject("lastRefresh").put("at", last.finishedAt().toString())
                        .put("seconds", last.duration().toMillis() / 1000.0).put("applied", last.applied())
                        .put("holdsFolder", kb.ready());
            }
            byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(ready ? 200 : 503, "HEAD".equals(exchange.getRequestMethod()) ? -1 : bytes.length);
            if (!"HEAD".equals(exchange.getRequestMethod())) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
