package io.brook.jdbc;

import org.apache.calcite.avatica.AvaticaStatement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code Statement.cancel()} of a remote connection: Avatica's protocol has no cancel request,
 * so the statement's handle is posted to the server's {@code POST /brook/v1/cancel}, which stops
 * the running query there (the reader gets code 394, Python code is interrupted, deinit runs).
 */
final class RemoteCancel {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String server;
    private final String authorization;

    RemoteCancel(String server, String user, String password) {
        this.server = server;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    void cancel(AvaticaStatement statement) throws SQLException {
        String body = "{\"connection_id\": \"" + statement.connection.id + "\", \"statement_id\": " + statement.getId() + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + "/brook/v1/cancel"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SQLException("The server refused to cancel: HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot reach the Brook server at " + server + " to cancel: " + e.getMessage(), "08006", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while cancelling", e);
        }
    }
}
