package io.brook.storage.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brook.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's catalog on disk: a JSON file listing {@link CatalogEntry entries} in the order they
 * were first put, so the engine can recreate objects before the objects that depend on them.
 * Every change rewrites the file atomically ({@link AtomicFiles}) before it becomes visible, so a
 * change that fails or is interrupted by a crash leaves the previous catalog. Thread-safe.
 *
 * <pre>
 * {"version":1,"entries":[{"kind":"stream","name":"s","definition":"CREATE STREAM ...","properties":{}}]}
 * </pre>
 */
public final class CatalogStore {
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private List<CatalogEntry> entries;

    private CatalogStore(Path file, List<CatalogEntry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads the catalog in {@code file}; a missing file is an empty catalog. */
    public static CatalogStore open(Path file) {
        return new CatalogStore(file, read(file));
    }

    /** The entries in insertion order (a snapshot). */
    public synchronized List<CatalogEntry> entries() {
        return entries;
    }

    /** Adds {@code entry}, or replaces the entry of the same kind and name where it stands. */
    public synchronized void put(CatalogEntry entry) {
        List<CatalogEntry> changed = new ArrayList<>(entries);
        int existing = indexOf(entry.kind(), entry.name());
        if (existing >= 0) {
            changed.set(existing, entry);
        } else {
            changed.add(entry);
        }
        commit(changed);
    }

    /** Removes the entry of this kind and name; returns whether there was one. */
    public synchronized boolean remove(String kind, String name) {
        int existing = indexOf(kind, name);
        if (existing < 0) {
            return false;
        }
        List<CatalogEntry> changed = new ArrayList<>(entries);
        changed.remove(existing);
        commit(changed);
        return true;
    }

    private int indexOf(String kind, String name) {
        for (int i = 0; i < entries.size(); i++) {
            CatalogEntry candidate = entries.get(i);
            if (candidate.kind().equals(kind) && candidate.name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Persists first, so memory never shows a change the file does not have. */
    private void commit(List<CatalogEntry> changed) {
        AtomicFiles.write(file, serialize(changed));
        entries = List.copyOf(changed);
    }

    private static byte[] serialize(List<CatalogEntry> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("entries");
        for (CatalogEntry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("kind", entry.kind());
            node.put("name", entry.name());
            node.put("definition", entry.definition());
            ObjectNode properties = node.putObject("properties");
            entry.properties().forEach(properties::put);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the catalog", e);
        }
    }

    private static List<CatalogEntry> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalog file " + file, e);
        }
        try {
            return parse(JSON.readTree(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Catalog file " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static List<CatalogEntry> parse(JsonNode root) {
        if (root == null || !root.isObject() || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("expected an object with \"version\": " + VERSION);
        }
        JsonNode array = root.get("entries");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected an \"entries\" array");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        for (JsonNode node : array) {
            Map<String, String> properties = new LinkedHashMap<>();
            node.path("properties").properties().forEach(field -> properties.put(field.getKey(), text(field.getValue(), field.getKey())));
            entries.add(new CatalogEntry(text(node.get("kind"), "kind"), text(node.get("name"), "name"),
                    text(node.get("definition"), "definition"), properties));
        }
        return List.copyOf(entries);
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a string");
        }
        return node.asText();
    }
}
