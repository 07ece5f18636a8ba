package io.brook.jdbc;

import io.brook.engine.EngineConfig;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A Brook JDBC URL: {@code jdbc:brook:file:<dir>} (a data directory, created if missing; a
 * leading {@code ~/} is the user's home) or {@code jdbc:brook:mem:<name>} (nothing kept on disk;
 * an empty name gives the connection an engine of its own). Connection properties may follow
 * as {@code ;name=value} pairs, e.g. {@code jdbc:brook:mem:demo;query_mode=table}.
 */
public record BrookUrl(EngineConfig engine, Map<String, String> properties) {
    public static final String PREFIX = "jdbc:brook:";

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    public static BrookUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw new SQLException("Not a Brook URL: " + url + " (expected " + PREFIX + "file:<dir> or "
                    + PREFIX + "mem:<name>)", "08001");
        }
        String[] parts = url.substring(PREFIX.length()).split(";");
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            int equals = parts[i].indexOf('=');
            if (equals <= 0) {
                throw new SQLException("Bad property '" + parts[i] + "' in " + url + ": expected name=value", "08001");
            }
            properties.put(parts[i].substring(0, equals).strip(), parts[i].substring(equals + 1).strip());
        }
        return new BrookUrl(engine(parts[0], url), Map.copyOf(properties));
    }

    private static EngineConfig engine(String location, String url) throws SQLException {
        if (location.startsWith("file:")) {
            String directory = location.substring("file:".length());
            if (directory.isBlank()) {
                throw new SQLException("No data directory in " + url + ": use " + PREFIX + "file:<dir>", "08001");
            }
            if (directory.equals("~") || directory.startsWith("~/")) {
                directory = System.getProperty("user.home") + directory.substring(1);
            }
            return EngineConfig.file(Path.of(directory));
        }
        if (location.startsWith("mem:")) {
            String name = location.substring("mem:".length());
            return EngineConfig.memory(name.isEmpty() ? "private-" + UUID.randomUUID() : name);
        }
        if (location.startsWith("remote:")) {
            throw new SQLException("A remote URL (" + url + ") names no in-process engine", "08001");
        }
        throw new SQLException("Unknown kind of Brook URL: " + url + " (expected " + PREFIX + "file:<dir> or "
                + PREFIX + "mem:<name>)", "08001");
    }
}
