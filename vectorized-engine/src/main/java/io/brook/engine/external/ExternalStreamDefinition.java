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

    /** Parts of a setting's name that mark its value as a secret, kept out of {@link #toString()}. */
    private static final List<String> SECRET_NAMES = List.of("password", "token", "jwt", "secret", "credential");

    public ExternalStreamDefinition {
        columns = List.copyOf(columns);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** The definition with the values of secret settings (passwords, tokens, jwt...) hidden, and without the body. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ExternalStreamDefinition[").append(name).append(", ").append(columns)
                .append(", settings={");
        String separator = "";
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey().toLowerCase(java.util.Locale.ROOT);
            boolean secret = SECRET_NAMES.stream().anyMatch(key::contains);
            text.append(separator).append(setting.getKey()).append('=').append(secret ? "<hidden>" : setting.getValue());
            separator = ", ";
        }
        return text.append("}]").toString();
    }
}
