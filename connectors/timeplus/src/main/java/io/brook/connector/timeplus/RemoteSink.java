package io.brook.connector.timeplus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.JsonForms;
import io.brook.engine.external.ExternalSink;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One INSERT (or view run) into a timeplus stream: each chunk becomes REST ingests of at most
 * {@link #ROWS_PER_REQUEST} rows, sent to the hosts in turn. A request that fails fails the
 * write (a view then retries from its checkpoint); requests already answered stay written.
 */
final class RemoteSink implements ExternalSink {
    static final int ROWS_PER_REQUEST = 16_384;
    /**
     * Decimals (and uint64 values past the int64 range) go as JSON strings, which the ingest casts
     * to the column's type exactly; as JSON numbers they could be read back as doubles.
     */
    private static final ObjectMapper DECIMALS_AS_TEXT = new ObjectMapper().registerModule(
            new SimpleModule().addSerializer(BigDecimal.class, new PlainDecimal()));

    private final TimeplusSettings settings;
    private final List<String> names;
    private final RemoteBrook remote;
    private final AtomicLong writes;

    RemoteSink(TimeplusSettings settings, List<Column> columns, RemoteBrook remote, AtomicLong writes) {
        this.settings = settings;
        this.names = columns.stream().map(Column::name).toList();
        this.remote = remote;
        this.writes = writes;
    }

    @Override
    public void write(Chunk chunk) {
        for (int from = 0; from < chunk.size(); from += ROWS_PER_REQUEST) {
            int to = Math.min(chunk.size(), from + ROWS_PER_REQUEST);
            RemoteHost host = settings.hosts().get((int) (writes.getAndIncrement() % settings.hosts().size()));
            remote.ingest(host, settings, body(chunk, from, to));
        }
    }

    private byte[] body(Chunk chunk, int from, int to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", names);
        body.put("data", JsonForms.rows(chunk, from, to));
        try {
            return DECIMALS_AS_TEXT.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "Cannot encode rows for stream " + settings.stream()
                    + ": " + e.getOriginalMessage());
        }
    }

    /** A decimal as plain text: {@code 0.0000001}, never {@code 1E-7}. */
    private static final class PlainDecimal extends StdSerializer<BigDecimal> {
        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider provider) throws java.io.IOException {
            out.writeString(value.toPlainString());
        }
    }

    @Override
    public void close() {
        // every write is a complete request; nothing is held between chunks
    }
}
