package io.brook.connector.timeplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The REST API of remote {@code brook server}s, as one engine's timeplus streams use it: a
 * query ({@code POST /brook/v1/query}, answered as JSON or as an event stream) and an ingest
 * ({@code POST /brook/v1/ingest/streams/{stream}}). One HTTP client per engine, on its own
 * daemon threads. A server that cannot be reached fails with code 210 (NETWORK_ERROR) naming
 * it; an error the server answers keeps the server's code and text, prefixed by where it came from.
 */
public final class RemoteBrook implements AutoCloseable {
    /** Decimals keep every digit the server sent (a double would round them). */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest wait for an answer that should come at once (an ingest, a DESCRIBE). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final ExecutorService threads = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("brook-timeplus-http-", 0).factory());
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .executor(threads)
            .build();

    /**
     * Runs a bounded statement and returns its JSON answer. {@code timeout} bounds statements that
     * should answer at once (DESCRIBE at CREATE); null lets a long bounded read run, until the
     * local query stops it.
     */
    JsonNode query(RemoteHost host, TimeplusSettings settings, String sql, Duration timeout) {
        HttpRequest.Builder builder = request(host, settings, "/brook/v1/query", sql.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = (timeout == null ? builder : builder.timeout(timeout)).build();
        HttpResponse<byte[]> response = send(host, request, HttpResponse.BodyHandlers.ofByteArray(), "query");
        return json(host, response.body());
    }

    /** Starts a streaming query; the caller reads (and closes) the event stream. */
    InputStream stream(RemoteHost host, TimeplusSettings settings, String sql) {
        HttpRequest request = request(host, settings, "/brook/v1/query", sql.getBytes(StandardCharsets.UTF_8)).build();
        HttpResponse<InputStream> response = send(host, request, HttpResponse.BodyHandlers.ofInputStream(), "query");
        return response.body();
    }

    /** Appends rows, {@code {"columns": [...], "data": [[...]]}}, to the stream on {@code host}. */
    void ingest(RemoteHost host, TimeplusSettings settings, byte[] body) {
        String path = "/brook/v1/ingest/streams/" + URLEncoder.encode(settings.stream(), StandardCharsets.UTF_8);
        HttpRequest request = request(host, settings, path, body).timeout(REQUEST_TIMEOUT).build();
        send(host, request, HttpResponse.BodyHandlers.ofByteArray(), "write to");
    }

    private static HttpRequest.Builder request(RemoteHost host, TimeplusSettings settings, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.authenticates()) {
            String credentials = settings.user() + ":" + settings.password();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private <T> HttpResponse<T> send(RemoteHost host, HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                     String action) {
        HttpResponse<T> response;
        try {
            response = client.send(request, handler);
        } catch (IOException e) {
            throw unreachable(host, action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
        if (response.statusCode() != 200) {
            byte[] body = bodyBytes(response.body());
            throw answered(host, response.statusCode(), body);
        }
        return response;
    }

    static BrookException unreachable(RemoteHost host, String action, IOException cause) {
        String reason = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return new BrookException(ErrorCode.NETWORK_ERROR,
                "Cannot " + action + " Brook server " + host + ": " + reason, cause);
    }

    /** The server's error, {@code {"error_msg", "code"}}, with its code when Brook knows it. */
    static BrookException remoteError(RemoteHost host, String message, int code) {
        ErrorCode known = ErrorCode.LOGICAL_ERROR;
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.number() == code) {
                known = candidate;
            }
        }
        String suffix = " (" + known.displayName() + ")";
        String text = message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
        return new BrookException(known, "Brook server " + host + ": " + text);
    }

    private static BrookException answered(RemoteHost host, int status, byte[] body) {
        if (status == 401) {
            return new BrookException(ErrorCode.AUTHENTICATION_FAILED, "Brook server " + host
                    + " refused the credentials: check the settings user and password");
        }
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.has("error_msg")) {
                return remoteError(host, error.get("error_msg").asText(), error.path("code").asInt(0));
            }
        } catch (IOException notJson) {
            // fall through to the status line
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return new BrookException(ErrorCode.NETWORK_ERROR,
                "Brook server " + host + " answered HTTP " + status + (text.isEmpty() ? "" : ": " + text));
    }

    private static byte[] bodyBytes(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        try (InputStream in = (InputStream) body) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static JsonNode json(RemoteHost host, byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new BrookException(ErrorCode.NETWORK_ERROR, "Brook server " + host + " answered with invalid JSON: "
                    + e.getMessage());
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
        threads.shutdownNow();
    }
}
