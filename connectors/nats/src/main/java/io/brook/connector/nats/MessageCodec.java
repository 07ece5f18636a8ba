package io.brook.connector.nats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.brook.engine.catalog.Column;
import io.brook.engine.types.BrookType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows in and out of message payloads. RawBLOB: the payload is the one string column of one row.
 * JSONEachRow: the payload is one or more JSON objects (one per row, separated by whitespace,
 * usually a newline); keys are column names, a missing key gives the column's zero value (NULL
 * for a nullable column), unknown keys are ignored.
 */
final class MessageCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final NatsSettings.DataFormat format;
    private final List<Column> payload;

    MessageCodec(NatsSettings.DataFormat format, List<Column> payload) {
        this.format = format;
        this.payload = List.copyOf(payload);
    }

    /** The payload columns' values of each row the message holds; IllegalArgumentException says why not. */
    List<List<Object>> decode(byte[] data) {
        if (format == NatsSettings.DataFormat.RAW_BLOB) {
            List<Object> row = new ArrayList<>(1);
            row.add(new String(data, StandardCharsets.UTF_8));
            return List.of(row);
        }
        List<List<Object>> rows = new ArrayList<>(1);
        try (JsonParser parser = JSON.createParser(data)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("expected a JSON object per row, found " + token.asString()
                            + " at byte " + parser.currentLocation().getByteOffset());
                }
                JsonNode object = JSON.readTree(parser);
                List<Object> row = new ArrayList<>(payload.size());
                for (Column column : payload) {
                    try {
                        row.add(JsonValues.value(object.get(column.name()), column.type()));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("column " + column.name() + ": " + reason(e), e);
                    }
                }
                rows.add(row);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return rows;
    }

    /** One row's payload. {@code values} are in JSON forms (see JsonForms), one per payload column. */
    byte[] encode(List<Object> values) {
        if (format == NatsSettings.DataFormat.RAW_BLOB) {
            Object value = values.getFirst();
            return value == null ? new byte[0] : value.toString().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int index = 0; index < payload.size(); index++) {
            object.put(payload.get(index).name(), values.get(index));
        }
        try {
            return JSON.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a row as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Several rows' payloads as one message: JSON objects separated by newlines. */
    static byte[] join(List<byte[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int index = 0; index < rows.size(); index++) {
            if (index > 0) {
                out.write('\n');
            }
            out.writeBytes(rows.get(index));
        }
        return out.toByteArray();
    }

    List<BrookType> types() {
        return payload.stream().map(Column::type).toList();
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
