package io.brook.tck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that golden files reach from Python, as a webhook would be reached: a POST
 * to any path records its body; a GET of a path answers with the bodies posted to that path so
 * far, oldest first, as a JSON array of strings. Each path is its own channel, so cases of a file
 * do not see each other's posts. Bound to the loopback address on a free port.
 */
final class WebhookServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, List<String>> posted = new ConcurrentHashMap<>();

    private WebhookServer(HttpServer server) {
        this.server = server;
    }

    static WebhookServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookServer webhook = new WebhookServer(server);
        server.createContext("/", webhook::handle);
        server.setExecutor(webhook.executor);
        server.start();
        return webhook;
    }

    /** The base address, without a trailing slash: {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The bodies posted to {@code path} so far. */
    List<String> bodies(String path) {
        return List.copyOf(posted.getOrDefault(path, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (exchange.getRequestMethod()) {
                case "POST" -> {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    posted.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>()).add(body);
                    respond(exchange, 200, "");
                }
                case "GET" -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    respond(exchange, 200, jsonArray(bodies(path)));
                }
                default -> respond(exchange, 405, "");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String jsonArray(List<String> texts) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (String text : texts) {
            StringBuilder quoted = new StringBuilder("\"");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    case '\n' -> quoted.append("\\n");
                    case '\r' -> quoted.append("\\r");
                    case '\t' -> quoted.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            quoted.append(String.format("\\u%04x", (int) c));
                        } else {
                            quoted.append(c);
                        }
                    }
                }
            }
            array.add(quoted.append('"'));
        }
        return array.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
