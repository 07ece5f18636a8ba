package io.brook.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code jdbc:brook:remote:http://host:8765[;name=value...]}: Avatica's remote protocol
 * ({@code jdbc:avatica:remote:url=http://host:8765;serialization=protobuf}) to {@code brook
 * server}, with Brook's JDBC objects ({@link RemoteDriver}): rows are not read ahead. {@code user} and {@code password} become HTTP BASIC credentials;
 * {@code serialization=json} switches the wire format; other properties go to the server's
 * session as connection properties (e.g. {@code query_mode=table}). {@code Statement.cancel()}
 * reaches the server ({@link RemoteCancel}).
 */
final class RemoteUrl {
    static final String PREFIX = BrookUrl.PREFIX + "remote:";

    private RemoteUrl() {
    }

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    static Connection connect(String url, Properties info) throws SQLException {
        String[] parts = url.substring(PREFIX.length()).split(";");
        String server = parts[0].strip();
        if (!server.startsWith("http://") && !server.startsWith("https://")) {
            throw new SQLException("Expected " + PREFIX + "http://host:port, not " + url, "08001");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (info != null) {
            info.stringPropertyNames().forEach(name -> properties.put(name, info.getProperty(name)));
        }
        for (int index = 1; index < parts.length; index++) {
            int equals = parts[index].indexOf('=');
            if (equals <= 0) {
                throw new SQLException("Bad property '" + parts[index] + "' in " + url + ": expected name=value", "08001");
            }
            properties.put(parts[index].substring(0, equals).strip(), parts[index].substring(equals + 1).strip());
        }
        StringBuilder avatica = new StringBuilder("jdbc:avatica:remote:url=").append(server)
                .append(";serialization=").append(properties.getOrDefault("serialization", "protobuf"));
        properties.remove("serialization");
        String user = properties.remove("user");
        String password = properties.remove("password");
        if (user != null) {
            avatica.append(";authentication=BASIC;avatica_user=").append(user)
                    .append(";avatica_password=").append(password == null ? "" : password);
        }
        Properties forwarded = new Properties();
        forwarded.putAll(properties);
        try {
            return new RemoteDriver(new RemoteCancel(server, user, password)).connect(avatica.toString(), forwarded);
        } catch (RuntimeException e) {
            // Avatica's HTTP client reports an unreachable server as an unchecked exception
            throw new SQLException("Cannot reach the Brook server at " + server + ": " + e.getMessage(), "08001", e);
        }
    }
}
