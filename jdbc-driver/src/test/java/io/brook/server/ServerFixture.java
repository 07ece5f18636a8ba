package io.brook.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Test helpers: HTTP requests to a server and JDBC rows as text. */
final class ServerFixture {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServerFixture() {
    }

    record Reply(int status, String body) {
    }

    static Reply post(String url, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Reply post(String url, String body) {
        return post(url, body, null, null);
    }

    static Connection avatica(BrookServer server, String serialization) throws SQLException {
        return DriverManager.getConnection("jdbc:avatica:remote:url=" + server.httpUrl() + ";serialization=" + serialization);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every row of a bounded query, each row its values joined by {@code |}. */
    static List<String> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder text = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    text.append(column > 1 ? "|" : "").append(rows.getString(column));
                }
                result.add(text.toString());
            }
            return result;
        }
    }
}
