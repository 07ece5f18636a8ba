package io.brook.connector.pulsar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.JsonForms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows in message bodies and back, for the data columns of a stream (all but
 * {@code _tp_message_key} and {@code _tp_sn}). RawBLOB: the body is the one data column's text,
 * one row per message. JSONEachRow: each row is a JSON object keyed by column name; a body holds
 * one or more, separated by new lines ({@code one_message_per_row=false}, the default, puts the
 * rows of one written chunk that share a key into one message).
 */
final class MessageFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PulsarSettings.DataFormat format;
    private final boolean oneMessagePerRow;
    private final List<Column> data;

    private MessageFormat(PulsarSettings.DataFormat format, boolean oneMessagePerRow, List<Column> data) {
        this.format = format;
        this.oneMessagePerRow = oneMessagePerRow;
        this.data = List.copyOf(data);
    }

    /** The format of a stream: RawBLOB by default for a single string column, else JSONEachRow. */
    static MessageFormat of(PulsarSettings settings, List<Column> data) {
        PulsarSettings.DataFormat format = settings.dataFormat();
        if (format == null) {
            boolean oneText = data.size() == 1 && data.getFirst().type().kind() == io.brook.engine.types.TypeKind.STRING;
            format = oneText ? PulsarSettings.DataFormat.RAW_BLOB : PulsarSettings.DataFormat.JSON_EACH_ROW;
        }
        if (format == PulsarSettings.DataFormat.RAW_BLOB) {
            PulsarExternalStream.checkRawColumn(data);
        }
        boolean perRow = format == PulsarSettings.DataFormat.RAW_BLOB
                || (settings.oneMessagePerRow() != null && settings.oneMessagePerRow());
        return new MessageFormat(format, perRow, data);
    }

    PulsarSettings.DataFormat format() {
        return format;
    }

    boolean oneMessagePerRow() {
        return oneMessagePerRow;
    }

    /** The rows of one message body, each a list of data-column values. */
    List<List<Object>> decode(byte[] body, String where) {
        if (format == PulsarSettings.DataFormat.RAW_BLOB) {
            return List.of(java.util.Collections.singletonList(new String(body, StandardCharsets.UTF_8)));
        }
        List<List<Object>> rows = new ArrayList<>(1);
        try (MappingIterator<JsonNode> objects = JSON.readerFor(JsonNode.class).readValues(body)) {
            while (objects.hasNextValue()) {
                JsonNode object = objects.nextValue();
                if (!object.isObject()) {
                    throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse JSONEachRow " + where
                            + ": expected a JSON object, got " + abbreviate(object.toString()));
                }
                List<Object> row = new ArrayList<>(data.size());
                for (Column column : data) {
                    row.add(JsonCells.decode(object.get(column.name()), column, where));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse JSONEachRow " + where + ": "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
        return rows;
    }

    /** One row's body: the data columns' values as RawBLOB text or one JSON object. */
    byte[] encode(List<Object> values) {
        if (format == PulsarSettings.DataFormat.RAW_BLOB) {
            Object value = values.getFirst();
            return value == null ? new byte[0]
                    : value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            object.put(data.get(i).name(), JsonForms.value(values.get(i)));
        }
        try {
            return JSON.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "Cannot encode a row as JSON: " + e.getOriginalMessage());
        }
    }

    /** Several rows' bodies as one message body, one per line. */
    static byte[] join(List<byte[]> bodies) {
        if (bodies.size() == 1) {
            return bodies.getFirst();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] body : bodies) {
            out.writeBytes(body);
            out.write('\n');
        }
        return out.toByteArray();
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
