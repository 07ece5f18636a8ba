package io.brook.engine.stream;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of a stream as stored: the declared ones then {@code _tp_time}. {@code _tp_sn} is
 * not stored; it is the row's position in the log, added by the reader when asked for.
 */
public final class StreamSchema {
    public static final String TIME_COLUMN = "_tp_time";
    public static final String SEQUENCE_COLUMN = "_tp_sn";
    /** Names user DDL may not declare (SPEC 1.1). */
    public static final Set<String> RESERVED = Set.of("_tp_time", "_tp_append_time", "_tp_process_time",
            "_tp_ingest_time", "_tp_emit_time", "_tp_index_time", "_tp_sn", "_tp_delta", "_tp_shard");

    private final List<Column> declared;
    private final List<Column> stored;
    private final Schema arrowSchema;

    public StreamSchema(List<Column> declared) {
        this.declared = List.copyOf(declared);
        List<Column> all = new ArrayList<>(declared);
        all.add(new Column(TIME_COLUMN, BrookType.TP_TIME, null));
        this.stored = List.copyOf(all);
        List<Field> fields = new ArrayList<>();
        for (Column column : stored) {
            fields.add(ArrowMapping.field(column.name(), column.type()));
        }
        this.arrowSchema = new Schema(fields);
    }

    public List<Column> declared() {
        return declared;
    }

    /** Declared columns then {@code _tp_time}: what the log holds, in order. */
    public List<Column> stored() {
        return stored;
    }

    public int timeColumnIndex() {
        return declared.size();
    }

    public Schema arrowSchema() {
        return arrowSchema;
    }

    public int indexOf(String name) {
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
