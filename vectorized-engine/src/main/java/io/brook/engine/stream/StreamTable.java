package io.brook.engine.stream;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.storage.log.LogCursor;
import io.brook.storage.log.LogStart;
import io.brook.storage.log.SnRange;
import io.brook.storage.log.StreamLog;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stream: its schema, its settings as written in the DDL, and its log. Appends take dense
 * chunks whose columns are exactly the stored columns, in order.
 */
public final class StreamTable implements AutoCloseable {
    private final String name;
    private final StreamSchema schema;
    private final Map<String, String> settings;
    private final StreamLog log;

    public StreamTable(String name, StreamSchema schema, Map<String, String> settings, StreamLog log) {
        this.name = name;
        this.schema = schema;
        this.settings = Map.copyOf(settings);
        this.log = log;
    }

    public String name() {
        return name;
    }

    public StreamSchema schema() {
        return schema;
    }

    public List<Column> declaredColumns() {
        return schema.declared();
    }

    public Map<String, String> settings() {
        return settings;
    }

    public StreamLog log() {
        return log;
    }

    /** Appends a dense chunk of the stored columns; returns the {@code _tp_sn} range it got. */
    public SnRange append(Chunk chunk) {
        if (!chunk.isDense()) {
            throw new IllegalArgumentException("append needs a dense chunk");
        }
        if (chunk.isEmpty()) {
            return new SnRange(log.nextSn(), 0);
        }
        List<FieldVector> vectors = new ArrayList<>(chunk.columnCount());
        for (int i = 0; i < chunk.columnCount(); i++) {
            vectors.add(chunk.column(i));
        }
        TimeStampVector times = (TimeStampVector) chunk.column(schema.timeColumnIndex());
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < chunk.size(); row++) {
            long value = times.get(row);
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        VectorSchemaRoot root = new VectorSchemaRoot(schema.arrowSchema().getFields(), vectors, chunk.size());
        return log.append(root, min, max);
    }

    public LogCursor openCursor(LogStart start) {
        return log.openCursor(start);
    }

    @Override
    public void close() {
        try {
            log.close();
        } catch (Exception e) {
            throw new IllegalStateException("Closing stream " + name + " failed", e);
        }
    }
}
