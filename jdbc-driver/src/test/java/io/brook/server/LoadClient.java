package io.brook.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One remote client of the load test: it inserts rows of stream {@code load (client, id, note)}
 * under its own client number and asks the server what it holds of them. Three transports: Brook's
 * remote JDBC URL, the stock Avatica driver over protobuf, and the REST API through
 * {@code java.net.http}.
 */
sealed interface LoadClient extends AutoCloseable {
    String CREATE_STREAM = "CREATE STREAM load (client int32, id int64, note string)";

    /** What the server holds of one client's rows. */
    record Held(long rows, long maxId) {
    }

    /** Inserts ids {@code firstId .. firstId + count - 1} as one request; returns the rows the server acknowledged. */
    long insert(long firstId, int count) throws Exception;

    /** The count and largest id of this client's rows, by a bounded query. */
    Held held() throws Exception;

    static String note(long id) {
        return "note-" + id;
    }

    static String heldSql(int client) {
        return "SELECT count(), max(id) FROM table(load) WHERE client = " + client;
    }

    /** A JDBC connection (either URL) inserting with a prepared statement's batch. */
    final class Jdbc implements LoadClient {
        private final int client;
        private final Connection connection;
        private final PreparedStatement insert;

        Jdbc(int client, String url) throws SQLException {
            this.client = client;
            this.connection = DriverManager.getConnection(url);
            this.insert = connection.prepareStatement("INSERT INTO load (client, id, note) VALUES (?, ?, ?)");
        }

        @Override
        public long insert(long firstId, int count) throws SQLException {
            for (long id = firstId; id < firstId + count; id++) {
                insert.setInt(1, client);
                insert.setLong(2, id);
                insert.setString(3, note(id));
                insert.addBatch();
            }
            long acknowledged = 0;
            for (long rows : insert.executeLargeBatch()) {
                acknowledged += rows;
            }
            return acknowledged;
        }

        @Override
        public Held held() throws SQLException {
            try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(heldSql(client))) {
                rows.next();
                long count = rows.getLong(1);
                long maxId = rows.getLong(2);
                return new Held(count, rows.wasNull() ? -1 : maxId);
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
            connection.close();
        }
    }

    /** The REST API: Timeplus-style ingest and the JSON query endpoint, one HTTP client of its own. */
    final class Rest implements LoadClient {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final int client;
        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Rest(int client, String baseUrl) {
            this.client = client;
            this.baseUrl = baseUrl;
        }

        @Override
        public long insert(long firstId, int count) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder("{\"columns\": [\"client\", \"id\", \"note\"], \"data\": [");
            for (long id = firstId; id < firstId + count; id++) {
                body.append(id > firstId ? "," : "").append('[').append(client).append(',').append(id)
                        .append(",\"").append(note(id)).append("\"]");
            }
            post("/proton/v1/ingest/streams/load", body.append("]}").toString());
            return count;
        }

        @Override
        public Held held() throws IOException, InterruptedException {
            JsonNode row = post("/brook/v1/query", heldSql(client)).get("data").get(0);
            return new Held(row.get(0).asLong(), row.get(1).isNull() ? -1 : row.get(1).asLong());
        }

        private JsonNode post(String path, String body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + path + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }

        @Override
        public void close() {
            http.close();
        }
    }
}
