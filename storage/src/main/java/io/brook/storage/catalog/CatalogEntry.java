package io.brook.storage.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One object the engine has created, as the catalog stores it. Storage does not interpret it.
 *
 * @param kind       what sort of object, e.g. {@code stream}, {@code external_stream},
 *                   {@code view}, {@code function}; a name is unique within its kind
 * @param name       the object's name
 * @param definition opaque text from which the engine recreates the object (its DDL)
 * @param properties further settings, kept in the given order
 */
public record CatalogEntry(String kind, String name, String definition, Map<String, String> properties) {
    public CatalogEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        properties = properties == null || properties.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public CatalogEntry(String kind, String name, String definition) {
        this(kind, name, definition, Map.of());
    }
}
