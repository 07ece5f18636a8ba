package io.brook.engine.external;

import io.brook.engine.catalog.Column;

import java.util.List;
import java.util.Map;

/**
 * What {@code CREATE EXTERNAL STREAM} said: the name, the declared columns (possibly none, when
 * the type can discover them), the {@code $$...$$} body and the line of the statement it starts
 * on, and the settings in the order written (values unquoted).
 */
public record ExternalStreamDefinition(
        String name,
        List<Column> columns,
        String body,
        int bodyStartLine,
        Map<String, String> settings) {

    public ExternalStreamDefinition {
        columns = List.copyOf(columns);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
}
