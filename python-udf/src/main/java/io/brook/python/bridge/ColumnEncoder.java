package io.brook.python.bridge;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import io.brook.python.runtime.PythonContext;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands a dense chunk's columns to a Python function as one list per column (SPEC 3.4, 3.7), in
 * two calls into Python per chunk. The bridge module first allocates lists whose backing arrays
 * have the column's element type ({@code double[]} for floats, {@code int[]} or {@code long[]}
 * for integers, {@code boolean[]} for bools) and bytearrays for raw bytes; Java copies the Arrow
 * buffers straight into those arrays ({@link ListStorage}); then the bridge finishes the columns
 * that need Python objects (bytes, dates, None) and calls the function. No value crosses the
 * interop boundary on its own. One encoder serves one sink: string columns remember which values
 * Python already holds ({@link StringColumn}).
 */
public final class ColumnEncoder {
    private final List<BrookType> types;
    private final Value allocate;
    private final Value deliver;
    private final StringColumn[] strings;
    private static final Object[] NO_ARGUMENTS = new Object[0];

    public ColumnEncoder(PythonContext context, List<BrookType> types) {
        this.types = List.copyOf(types);
        this.allocate = context.bridge("allocate");
        this.deliver = context.bridge("deliver");
        this.strings = new StringColumn[types.size()];
        for (int c = 0; c < types.size(); c++) {
            TypeKind kind = types.get(c).kind();
            if (kind == TypeKind.STRING || kind == TypeKind.FIXED_STRING) {
                strings[c] = new StringColumn(context.bridge("new_dictionary"), context.bridge("extend_dictionary"));
            }
        }
    }

    /** Calls {@code function} once with one list per column of {@code chunk}; returns what it returns. */
    public Value call(Value function, Chunk chunk) {
        if (!chunk.isDense()) {
            throw new IllegalArgumentException("the bridge takes dense chunks");
        }
        List<FieldVector> columns = new ArrayList<>(chunk.columnCount());
        for (int c = 0; c < chunk.columnCount(); c++) {
            columns.add(chunk.column(c));
        }
        return call(function, columns, chunk.size(), NO_ARGUMENTS);
    }

    /**
     * Calls {@code function} once with the {@code leading} arguments followed by one list per
     * column, each holding the first {@code count} values of its vector.
     */
    public Value call(Value function, List<FieldVector> columns, int count, Object[] leading) {
        Transfer transfer = new Transfer();
        Object[] specs = new Object[types.size()];
        for (int c = 0; c < specs.length; c++) {
            specs[c] = spec(c, columns.get(c), types.get(c), count, transfer);
        }
        try {
            Value allocated = allocate.execute((Object) transfer.requests.toArray());
            transfer.fill(allocated);
            Value result = deliver.execute(function, allocated, specs, leading);
            for (StringColumn column : strings) {
                if (column != null) {
                    column.delivered();
                }
            }
            return result;
        } catch (RuntimeException e) {
            // Python may not have taken the new dictionary values: start the dictionaries afresh
            for (StringColumn column : strings) {
                if (column != null) {
                    column.reset();
                }
            }
            throw e;
        }
    }

    /** One column's spec for the bridge: {@code [kind, count, a, b, null positions, parameter]}. */
    static Object[] spec(String kind, int count, Object a, Object b, Object nulls, Object parameter) {
        return new Object[] {kind, count, a, b, nulls, parameter};
    }

    private Object[] spec(int c, FieldVector vector, BrookType type, int count, Transfer transfer) {
        Integer nulls = nullPositions(vector, count, transfer);
        TypeKind kind = type.kind();
        // list, map and struct vectors have no data buffer of their own
        ArrowBuf data = kind.isNested() || kind == TypeKind.NOTHING ? null : vector.getDataBuffer();
        return switch (kind) {
            case FLOAT64 -> list(transfer.request("d", count,
                    s -> ListStorage.float64(data, count, ListStorage.doubles(s, count))), count, nulls);
            case FLOAT32 -> list(transfer.request("d", count,
                    s -> ListStorage.float32(data, count, ListStorage.doubles(s, count))), count, nulls);
            case INT8, UINT8 -> list(ints(transfer, data, 1, kind == TypeKind.UINT8, count), count, nulls);
            case INT16, UINT16 -> list(ints(transfer, data, 2, kind == TypeKind.UINT16, count), count, nulls);
            case INT32 -> list(ints(transfer, data, 4, false, count), count, nulls);
            case UINT32 -> list(transfer.request("q", count,
                    s -> ListStorage.uint32(data, count, ListStorage.longs(s, count))), count, nulls);
            case INT64 -> list(int64(transfer, data, count), count, nulls);
            case UINT64 -> ListStorage.anyAboveLongRange(data, count)
                    ? spec("uint64", count, bytes(transfer, data, 0, 8 * count), null, nulls, null)
                    : list(int64(transfer, data, count), count, nulls);
            case BOOL -> list(transfer.request("?", count,
                    s -> ListStorage.bits(data, count, ListStorage.booleans(s, count))), count, nulls);
            case DATE, DATE32 -> spec("date", count, ints(transfer, data, 4, false, count), null, nulls, null);
            case DATETIME, DATETIME64 -> spec("datetime", count, int64(transfer, data, count),
                    ArrowMapping.ticksPerSecond(type), nulls, type.timezone() == null ? "UTC" : type.timezone());
            case STRING, FIXED_STRING -> strings[c].spec(vector, count, nulls, transfer);
            case DECIMAL, UUID -> texts(vector, type, count, nulls);
            case ARRAY, MAP, TUPLE -> nested(vector, type, count);
            case NOTHING -> spec("none", count, null, null, null, null);
        };
    }

    private static Object[] list(int index, int count, Integer nulls) {
        return spec("list", count, index, null, nulls, null);
    }

    private static int ints(Transfer transfer, ArrowBuf data, int width, boolean unsigned, int count) {
        return transfer.request("i", count, s -> ListStorage.ints(data, width, unsigned, count, ListStorage.ints(s, count)));
    }

    private static int int64(Transfer transfer, ArrowBuf data, int count) {
        return transfer.request("q", count, s -> ListStorage.int64(data, count, ListStorage.longs(s, count)));
    }

    /** A bytearray holding {@code length} bytes of {@code data} from {@code offset}. */
    static int bytes(Transfer transfer, ArrowBuf data, long offset, int length) {
        return transfer.request("b", length, s -> ListStorage.bytes(data, offset, length, ListStorage.bytes(s, length)));
    }

    /** The positions of the nulls as an int list, or null when there are none. */
    private static Integer nullPositions(FieldVector vector, int count, Transfer transfer) {
        int nullCount = vector.getNullCount();
        if (nullCount == 0) {
            return null;
        }
        return transfer.request("i", nullCount, s -> {
            int[] positions = ListStorage.ints(s, nullCount);
            int found = 0;
            for (int i = 0; i < count && found < nullCount; i++) {
                if (vector.isNull(i)) {
                    positions[found++] = i;
                }
            }
        });
    }

    private static Object[] texts(FieldVector vector, BrookType type, int count, Integer nulls) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                joined.append(',');
            }
            Object value = vector.isNull(i) ? null : VectorReader.value(vector, i, type);
            joined.append(value == null ? (type.kind() == TypeKind.UUID ? "00000000-0000-0000-0000-000000000000" : "0")
                    : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
        }
        return spec(type.kind() == TypeKind.UUID ? "uuid" : "decimal", count, joined.toString(), null, nulls, null);
    }

    private static Object[] nested(FieldVector vector, BrookType type, int count) {
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(vector.isNull(i) ? null : NestedValues.toBridge(VectorReader.value(vector, i, type), type));
        }
        return spec("nested", count, values, null, null, NestedValues.shape(type));
    }

    /**
     * What one chunk asks the bridge to allocate ({@code [code, size, ...]}), and what fills each
     * allocation's backing array once Python has made it.
     */
    static final class Transfer {
        private final List<Object> requests = new ArrayList<>();
        private final List<Filler> fillers = new ArrayList<>();

        /** Asks for a container; returns its index in the bridge's answer (its storage follows it). */
        int request(String code, int size, java.util.function.Consumer<Object> filler) {
            return request(code, size, Filler.of(filler));
        }

        int request(String code, int size, Filler filler) {
            int index = requests.size();
            requests.add(code);
            requests.add(size);
            fillers.add(filler);
            return index;
        }

        void fill(Value allocated) {
            for (int k = 0; k < fillers.size(); k++) {
                fillers.get(k).fill(allocated.getArrayElement(2L * k + 1).asHostObject(), allocated);
            }
        }
    }

    /**
     * Writes a column's values into the backing array Python allocated for them; fillers run in
     * the order of their requests, so one may use what an earlier one filled ({@code allocated}).
     */
    @FunctionalInterface
    interface Filler {
        void fill(Object storage, Value allocated);

        static Filler of(java.util.function.Consumer<Object> fill) {
            return (storage, allocated) -> fill.accept(storage);
        }
    }
}
