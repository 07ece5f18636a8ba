package io.brook.connector.pulsar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalSettings;
import io.brook.engine.external.format.DataFormat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a {@code type='pulsar'} external stream (SPEC 4.3): {@code service_url} and
 * {@code topic} (both required), {@code jwt}, {@code data_format}, {@code one_message_per_row}
 * and {@code seek_to}. {@code dataFormat} and {@code oneMessagePerRow} are null when not given;
 * their defaults depend on the columns ({@link PulsarExternalStream}).
 */
public record PulsarSettings(String serviceUrl, String topic, String jwt, DataFormat dataFormat,
                             Boolean oneMessagePerRow, SeekTo seekTo) {
    static final Set<String> KNOWN = Set.of("type", "service_url", "topic", "jwt", "data_format",
            "one_message_per_row", "seek_to");

    /** Where a streaming read starts. */
    public enum SeekTo { EARLIEST, LATEST }

    public static PulsarSettings of(Map<String, String> settings) {
        ExternalSettings.checkKnown(settings, KNOWN);
        String serviceUrl = ExternalSettings.required("service_url", value(settings, "service_url"), "pulsar");
        String scheme = serviceUrl.toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("pulsar://") && !scheme.startsWith("pulsar+ssl://")) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + serviceUrl
                    + "' for setting `service_url`: expected pulsar://host:port or pulsar+ssl://host:port");
        }
        String topic = ExternalSettings.required("topic", value(settings, "topic"), "pulsar");
        String jwt = value(settings, "jwt");
        String format = value(settings, "data_format");
        String perRow = value(settings, "one_message_per_row");
        String seekTo = value(settings, "seek_to");
        return new PulsarSettings(serviceUrl, topic, jwt.isEmpty() ? null : jwt,
                format.isEmpty() ? null : DataFormat.parse(format),
                perRow.isEmpty() ? null : ExternalSettings.bool("one_message_per_row", perRow),
                seekTo.isEmpty() ? SeekTo.LATEST : seekTo(seekTo));
    }

    /** A {@code seek_to} value, from the stream's settings or a query's. */
    static SeekTo seekTo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "earliest" -> SeekTo.EARLIEST;
            case "latest" -> SeekTo.LATEST;
            default -> throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + value
                    + "' for setting `seek_to` of a pulsar external stream: expected earliest or latest");
        };
    }

    /** A setting's value, stripped, looked up case-insensitively; empty when absent. */
    private static String value(Map<String, String> settings, String name) {
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue() == null ? "" : entry.getValue().strip();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "PulsarSettings[" + serviceUrl + ", topic=" + topic + ", jwt " + (jwt == null ? "none" : "hidden")
                + ", data_format=" + dataFormat + ", one_message_per_row=" + oneMessagePerRow + ", seek_to=" + seekTo + "]";
    }
}
