package io.brook.connector.nats;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalSettings;
import io.brook.engine.external.format.DataFormat;
import io.brook.engine.types.TypeKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a {@code type='nats_jetstream'} external stream (SPEC 4.2): {@code url},
 * {@code stream_name} and {@code subject} (required), {@code username} with {@code password} or
 * {@code token}, {@code data_format} (JSONEachRow or RawBLOB; RawBLOB by default for a single
 * string column), {@code one_message_per_row} (false by default for JSONEachRow, true for
 * RawBLOB) and {@code seek_to} ({@code latest}, {@code earliest} or a stream sequence number).
 */
public record NatsSettings(String url, String streamName, String subject, String username, String password,
                           String token, DataFormat dataFormat, boolean oneMessagePerRow, String seekTo) {
    static final Set<String> KNOWN = Set.of("type", "url", "stream_name", "subject", "username", "password",
            "token", "data_format", "one_message_per_row", "seek_to");

    /**
     * Checks the settings of a stream whose payload columns (the declared ones other than a
     * declared {@code _nats_subject}) are {@code payload}.
     */
    public static NatsSettings of(Map<String, String> settings, List<Column> payload) {
        ExternalSettings.checkKnown(settings, KNOWN);
        String url = ExternalSettings.required("url", settings.get("url"), "nats_jetstream");
        String streamName = ExternalSettings.required("stream_name", settings.get("stream_name"), "nats_jetstream");
        String subject = ExternalSettings.required("subject", settings.get("subject"), "nats_jetstream");
        if (streamName.contains(".") || streamName.contains("*") || streamName.contains(">")
                || streamName.chars().anyMatch(Character::isWhitespace)) {
            throw invalid("stream_name", streamName, "a JetStream stream name has no '.', '*', '>' or spaces");
        }
        if (subject.chars().anyMatch(Character::isWhitespace) || subject.startsWith(".") || subject.endsWith(".")
                || subject.contains("..")) {
            throw invalid("subject", subject, "not a NATS subject");
        }
        String username = settings.getOrDefault("username", "");
        String password = settings.getOrDefault("password", "");
        String token = settings.getOrDefault("token", "");
        if (username.isEmpty() && !password.isEmpty()) {
            throw invalid("password", "<hidden>", "a password needs `username`");
        }
        if (!token.isEmpty() && !username.isEmpty()) {
            throw invalid("token", "<hidden>", "give either `username`/`password` or `token`, not both");
        }
        DataFormat format = format(settings.get("data_format"), payload);
        boolean perRow = settings.containsKey("one_message_per_row")
                ? ExternalSettings.bool("one_message_per_row", settings.get("one_message_per_row"))
                : format == DataFormat.RAW_BLOB;
        if (format == DataFormat.RAW_BLOB && !perRow) {
            throw invalid("one_message_per_row", settings.get("one_message_per_row"),
                    "RawBLOB carries one row per message");
        }
        String seekTo = seekTo(settings.get("seek_to"), "seek_to");
        return new NatsSettings(url, streamName, subject, username, password, token, format, perRow, seekTo);
    }

    /** {@code latest} (also for null), {@code earliest}, or a stream sequence number (1 or more). */
    static String seekTo(String value, String setting) {
        if (value == null || value.isBlank()) {
            return "latest";
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("latest") || text.equals("earliest")) {
            return text;
        }
        try {
            if (Long.parseLong(text) >= 1) {
                return text;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(setting, value, "expected 'earliest', 'latest' or a stream sequence number (1 or more)");
    }

    private static DataFormat format(String value, List<Column> payload) {
        boolean oneString = payload.size() == 1 && payload.getFirst().type().kind() == TypeKind.STRING;
        if (value == null || value.isBlank()) {
            return oneString ? DataFormat.RAW_BLOB : DataFormat.JSON_EACH_ROW;
        }
        DataFormat format = DataFormat.parse(value);
        if (format == DataFormat.RAW_BLOB && !oneString) {
            throw invalid("data_format", value, "RawBLOB needs exactly one column, of type string");
        }
        return format;
    }

    static BrookException invalid(String name, String value, String why) {
        return new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                "Invalid value '" + value + "' for setting " + name + ": " + why);
    }

    /** True when the connection authenticates with a user name and password. */
    boolean hasUser() {
        return !username.isEmpty();
    }

    boolean hasToken() {
        return !token.isEmpty();
    }

    @Override
    public String toString() {
        return "NatsSettings[" + url + ", stream_name=" + streamName + ", subject=" + subject + ", username=" + username
                + ", password/token hidden, data_format=" + dataFormat.settingValue() + ", one_message_per_row=" + oneMessagePerRow
                + ", seek_to=" + seekTo + "]";
    }
}
