package io.brook.jdbc.testing;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.jdbc.convert.UuidBytes;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds engine chunks from plain Java values (the same classes the driver's rows use), the way
 * the engine lays them out: one Arrow vector per column, made from {@link ArrowMapping#field}.
 */
public final class ChunkBuilder {
    private final BufferAllocator allocator;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    private ChunkBuilder(BufferAllocator allocator, List<Column> columns) {
        this.allocator = allocator;
        this.columns = columns;
    }

    public static ChunkBuilder of(BufferAllocator allocator, List<Column> columns) {
        return new ChunkBuilder(allocator, columns);
    }

    public ChunkBuilder row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
        return this;
    }

    public Chunk build() {
        List<FieldVector> vectors = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            FieldVector vector = ArrowMapping.field(column.name(), column.type()).createVector(allocator);
            vector.allocateNew();
            for (int r = 0; r < rows.size(); r++) {
                write(vector, column.type(), r, rows.get(r)[c]);
            }
            vector.setValueCount(rows.size());
            vectors.add(vector);
        }
        return Chunk.of(vectors, rows.size());
    }

    static void write(FieldVector vector, BrookType type, int index, Object value) {
        if (value == null) {
            setNull(vector, index);
            return;
        }
        switch (type.kind()) {
            case INT8 -> ((TinyIntVector) vector).setSafe(index, ((Number) value).byteValue());
            case INT16 -> ((SmallIntVector) vector).setSafe(index, ((Number) value).shortValue());
            case INT32 -> ((IntVector) vector).setSafe(index, ((Number) value).intValue());
            case INT64 -> ((BigIntVector) vector).setSafe(index, ((Number) value).longValue());
            case UINT8 -> ((UInt1Vector) vector).setSafe(index, ((Number) value).intValue());
            case UINT16 -> ((UInt2Vector) vector).setSafe(index, ((Number) value).intValue());
            case UINT32 -> ((UInt4Vector) vector).setSafe(index, (int) ((Number) value).longValue());
            case UINT64 -> ((UInt8Vector) vector).setSafe(index, new BigDecimal(value.toString()).toBigInteger().longValue());
            case FLOAT32 -> ((Float4Vector) vector).setSafe(index, ((Number) value).floatValue());
            case FLOAT64 -> ((Float8Vector) vector).setSafe(index, ((Number) value).doubleValue());
            case DECIMAL -> {
                BigDecimal decimal = ((BigDecimal) value).setScale(type.scale());
                if (vector instanceof Decimal256Vector wide) {
                    wide.setSafe(index, decimal);
                } else {
                    ((DecimalVector) vector).setSafe(index, decimal);
                }
            }
            case BOOL -> ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
            case STRING -> ((VarCharVector) vector).setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
            case FIXED_STRING -> ((FixedSizeBinaryVector) vector).setSafe(index,
                    Arrays.copyOf(((String) value).getBytes(StandardCharsets.UTF_8), type.length()));
            case UUID -> ((FixedSizeBinaryVector) vector).setSafe(index, UuidBytes.encode((UUID) value));
            case DATE, DATE32 -> ((DateDayVector) vector).setSafe(index, (int) ((LocalDate) value).toEpochDay());
            case DATETIME, DATETIME64 -> {
                long ticksPerSecond = ArrowMapping.ticksPerSecond(type);
                Instant instant = (Instant) value;
                long ticks = instant.getEpochSecond() * ticksPerSecond
                        + instant.getNano() / (1_000_000_000L / ticksPerSecond);
                ((TimeStampVector) vector).setSafe(index, ticks);
            }
            case ARRAY -> {
                ListVector list = (ListVector) vector;
                List<?> elements = (List<?>) value;
                int start = list.startNewValue(index);
                for (int i = 0; i < elements.size(); i++) {
                    write((FieldVector) list.getDataVector(), type.element(), start + i, elements.get(i));
                }
                list.endValue(index, elements.size());
            }
            case MAP -> {
                MapVector map = (MapVector) vector;
                StructVector entries = (StructVector) map.getDataVector();
                int start = map.startNewValue(index);
                int i = 0;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    entries.setIndexDefined(start + i);
                    write(entries.getChildrenFromFields().get(0), type.elements().get(0), start + i, entry.getKey());
                    write(entries.getChildrenFromFields().get(1), type.elements().get(1), start + i, entry.getValue());
                    i++;
                }
                map.endValue(index, i);
            }
            case TUPLE -> {
                StructVector struct = (StructVector) vector;
                struct.setIndexDefined(index);
                List<?> values = (List<?>) value;
                for (int i = 0; i < values.size(); i++) {
                    write(struct.getChildrenFromFields().get(i), type.elements().get(i), index, values.get(i));
                }
            }
            case NOTHING -> {
            }
        }
    }

    private static void setNull(FieldVector vector, int index) {
        switch (vector) {
            case BaseFixedWidthVector fixed -> fixed.setNull(index);
            case BaseVariableWidthVector variable -> variable.setNull(index);
            case ListVector list -> list.setNull(index);
            case StructVector struct -> struct.setNull(index);
            default -> {
            }
        }
    }
}
