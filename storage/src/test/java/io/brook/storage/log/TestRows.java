package io.brook.storage.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows for log tests, derived from a unique id so a reader can check every value: {@code id}
 * (bigint), {@code value} (nullable float64, null every fifth row), {@code label} (nullable
 * string, null every seventh row), {@code time} (timestamp ms UTC).
 */
final class TestRows {
    static final long BASE_TIME = 1_700_000_000_000L;
    static final Schema SCHEMA = new Schema(List.of(
            new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            new Field("value", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null),
            new Field("label", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("time", FieldType.notNullable(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")), null)));

    private TestRows() {
    }

    /** A batch of {@code count} rows with ids {@code firstId, firstId + 1, ...}. */
    static VectorSchemaRoot batch(BufferAllocator allocator, long firstId, int count) {
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        BigIntVector ids = (BigIntVector) root.getVector("id");
        Float8Vector values = (Float8Vector) root.getVector("value");
        VarCharVector labels = (VarCharVector) root.getVector("label");
        TimeStampMilliTZVector times = (TimeStampMilliTZVector) root.getVector("time");
        root.allocateNew();
        for (int row = 0; row < count; row++) {
            long id = firstId + row;
            ids.setSafe(row, id);
            if (id % 5 == 0) {
                values.setNull(row);
            } else {
                values.setSafe(row, id * 0.5);
            }
            if (id % 7 == 0) {
                labels.setNull(row);
            } else {
                labels.setSafe(row, label(id).getBytes(StandardCharsets.UTF_8));
            }
            times.setSafe(row, timeOf(id));
        }
        root.setRowCount(count);
        return root;
    }

    static String label(long id) {
        return "row-" + id + "-\u00e9";
    }

    static long timeOf(long id) {
        return BASE_TIME + id;
    }

    /** Checks every column of every row against the values its id implies. */
    static void assertRowsMatchIds(VectorSchemaRoot root) {
        BigIntVector ids = (BigIntVector) root.getVector("id");
        Float8Vector values = (Float8Vector) root.getVector("value");
        VarCharVector labels = (VarCharVector) root.getVector("label");
        TimeStampMilliTZVector times = (TimeStampMilliTZVector) root.getVector("time");
        for (int row = 0; row < root.getRowCount(); row++) {
            long id = ids.get(row);
            check(values.isNull(row) == (id % 5 == 0), "value null flag", id);
            check(values.isNull(row) || values.get(row) == id * 0.5, "value", id);
            check(labels.isNull(row) == (id % 7 == 0), "label null flag", id);
            check(labels.isNull(row) || label(id).equals(new String(labels.get(row), StandardCharsets.UTF_8)), "label", id);
            check(times.get(row) == timeOf(id), "time", id);
        }
    }

    static List<Long> ids(VectorSchemaRoot root) {
        BigIntVector ids = (BigIntVector) root.getVector("id");
        List<Long> result = new ArrayList<>(root.getRowCount());
        for (int row = 0; row < root.getRowCount(); row++) {
            result.add(ids.get(row));
        }
        return result;
    }

    /** Appends {@code count} rows with ids from {@code firstId}; event times follow the ids. */
    static SnRange append(StreamLog log, BufferAllocator allocator, long firstId, int count) {
        try (VectorSchemaRoot batch = batch(allocator, firstId, count)) {
            return log.append(batch, timeOf(firstId), timeOf(firstId + count - 1));
        }
    }

    /** Reads every entry currently available from {@code cursor}, returning the ids in order. */
    static List<Long> drainIds(LogCursor cursor, BufferAllocator allocator) {
        List<Long> result = new ArrayList<>();
        forEachEntry(cursor, allocator, entry -> {
            assertRowsMatchIds(entry.batch());
            result.addAll(ids(entry.batch()));
        });
        return result;
    }

    /** Polls until no entry is available, handing each to {@code action} and closing it after. */
    static int forEachEntry(LogCursor cursor, BufferAllocator allocator, Consumer<LogEntry> action) {
        int count = 0;
        for (LogEntry next = cursor.poll(allocator); next != null; next = cursor.poll(allocator)) {
            try (LogEntry entry = next) {
                action.accept(entry);
                count++;
            }
        }
        return count;
    }

    private static void check(boolean condition, String what, long id) {
        if (!condition) {
            throw new AssertionError("Wrong " + what + " for row id " + id);
        }
    }
}
