package io.brook.connector.kafka;

import io.brook.engine.external.format.DataFormat;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalSettings;
import io.brook.engine.types.TypeKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a {@code type='kafka'} external stream (SPEC 4.1), checked at CREATE with the
 * SPEC's texts. Besides the SPEC's names it takes {@code shards} and {@code seek_to} (which
 * partitions a read takes and where it starts, overridable per query) and
 * {@code input_format_skip_errors} (skip messages that do not parse instead of failing).
 */
record KafkaSettings(String brokers, String topic, String securityProtocol, String saslMechanism, String username,
                     String password, DataFormat dataFormat, boolean oneMessagePerRow,
                     Map<String, String> properties, String sslCaPem, boolean skipSslCertCheck,
                     List<Integer> shards, String seekTo, boolean skipErrors) {
    static final Set<String> KNOWN = Set.of("type", "brokers", "topic", "security_protocol", "sasl_mechanism",
            "username", "password", "data_format", "one_message_per_row", "properties", "config_file",
            "ssl_ca_cert_file", "ssl_ca_pem", "skip_ssl_cert_check", "shards", "seek_to", "input_format_skip_errors");
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    /** Client properties the stream sets itself, or that would make the client use a consumer group. */
    private static final Set<String> REFUSED = Set.of("group.id", "enable.auto.commit", "auto.offset.reset",
            "bootstrap.servers", "security.protocol");

    KafkaSettings {
        properties = Map.copyOf(properties);
        shards = shards == null ? null : List.copyOf(shards);
    }

    static KafkaSettings of(Map<String, String> settings, List<Column> columns) {
        ExternalSettings.checkKnown(settings, KNOWN);
        String brokers = ExternalSettings.required("brokers", settings.get("brokers"), "kafka");
        String topic = ExternalSettings.required("topic", settings.get("topic"), "kafka");
        String protocol = oneOf("security_protocol", settings.getOrDefault("security_protocol", "PLAINTEXT"), PROTOCOLS);
        String mechanism = oneOf("sasl_mechanism", settings.getOrDefault("sasl_mechanism", "PLAIN"), MECHANISMS);
        String username = settings.getOrDefault("username", "");
        String password = settings.getOrDefault("password", "");
        if (protocol.startsWith("SASL") && username.isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "Setting `username` is required when `security_protocol` is " + protocol);
        }
        DataFormat format = settings.containsKey("data_format") ? DataFormat.parse(settings.get("data_format"))
                : defaultFormat(columns);
        boolean oneMessagePerRow = ExternalSettings.bool("one_message_per_row",
                settings.getOrDefault("one_message_per_row", format == DataFormat.RAW_BLOB ? "true" : "false"));
        Map<String, String> properties = new LinkedHashMap<>();
        if (settings.containsKey("config_file")) {
            properties.putAll(configFile(settings.get("config_file")));
        }
        properties.putAll(properties("properties", settings.getOrDefault("properties", ""), ';'));
        String pem = settings.get("ssl_ca_pem");
        if (settings.containsKey("ssl_ca_cert_file")) {
            pem = read(settings.get("ssl_ca_cert_file"), "ssl_ca_cert_file");
        }
        return new KafkaSettings(brokers, topic, protocol, mechanism, username, password, format, oneMessagePerRow,
                properties, pem == null || pem.isBlank() ? null : pem,
                ExternalSettings.bool("skip_ssl_cert_check", settings.getOrDefault("skip_ssl_cert_check", "false")),
                shards(settings.get("shards")), seekTo(settings.get("seek_to")),
                ExternalSettings.bool("input_format_skip_errors", settings.getOrDefault("input_format_skip_errors", "false")));
    }

    /** RawBLOB for a single string column, JSONEachRow otherwise (SPEC 4.1). */
    private static DataFormat defaultFormat(List<Column> columns) {
        List<Column> payload = MessageColumns.payload(columns);
        return payload.size() == 1 && payload.getFirst().type().kind() == TypeKind.STRING
                ? DataFormat.RAW_BLOB : DataFormat.JSON_EACH_ROW;
    }

    /** Checks a {@code seek_to}: earliest, latest, or one offset per partition, comma separated. */
    static String seekTo(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.equalsIgnoreCase("earliest") || trimmed.equalsIgnoreCase("latest")) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        for (String offset : trimmed.split(",", -1)) {
            try {
                if (Long.parseLong(offset.strip()) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + value
                        + "' for setting `seek_to`: expected earliest, latest or offsets per partition like '10,20'");
            }
        }
        return trimmed;
    }

    private static List<Integer> shards(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Integer> shards = new ArrayList<>();
        for (String shard : value.split(",", -1)) {
            try {
                int partition = Integer.parseInt(shard.strip());
                if (partition < 0 || shards.contains(partition)) {
                    throw new NumberFormatException();
                }
                shards.add(partition);
            } catch (NumberFormatException e) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + value
                        + "' for setting `shards`: expected distinct partition numbers like '0,2'");
            }
        }
        return shards;
    }

    /** {@code k=v} entries split by {@code separator}; the client's own and group properties are refused. */
    private static Map<String, String> properties(String setting, String text, char separator) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : text.split(java.util.regex.Pattern.quote(String.valueOf(separator)))) {
            if (entry.isBlank() || entry.strip().startsWith("#")) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + entry.strip()
                        + "' in setting `" + setting + "`: expected key=value");
            }
            String key = entry.substring(0, equals).strip();
            if (REFUSED.contains(key) || key.startsWith("sasl.")) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Unsupported property " + key);
            }
            properties.put(key, entry.substring(equals + 1).strip());
        }
        return properties;
    }

    /** A file of client properties, one {@code key=value} a line, {@code #} comments. */
    private static Map<String, String> configFile(String file) {
        return properties("config_file", read(file, "config_file"), '\n');
    }

    private static String read(String file, String setting) {
        try {
            return Files.readString(Path.of(file.strip()));
        } catch (IOException | RuntimeException e) {
            throw new BrookException(ErrorCode.CANNOT_OPEN_FILE, "Cannot read file " + file + " of setting `"
                    + setting + "`: " + e.getMessage());
        }
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + value + "' for setting `"
                    + name + "`: expected one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return upper;
    }

    @Override
    public String toString() {
        return "KafkaSettings[brokers=" + brokers + ", topic=" + topic + ", " + securityProtocol + ", user=" + username
                + ", password hidden, " + dataFormat.settingValue() + "]";
    }
}
