package io.brook.engine.expr.kernel.cast;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.kernel.Decimals;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.kernel.text.NumberText;
import io.brook.engine.expr.kernel.text.TemporalText;
import io.brook.engine.expr.kernel.time.TemporalValues;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Any value as text, formatted as ClickHouse's toString does: integers in decimal, floats in
 * their shortest form ({@code 1}, {@code 0.1}, {@code inf}), dates {@code 2024-01-31}, datetimes
 * {@code 2024-01-31 13:45:00[.123]} in their zone, bool {@code true}/{@code false}, arrays
 * {@code [1,2]}, tuples {@code (1,'a')}, maps {@code {'a':1}}.
 */
final class ToStringCast extends CastKernel {
    private final Storage storage;

    ToStringCast(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        super(from, to, onError, strictNulls);
        this.storage = Storage.of(from);
    }

    @Override
    protected void convert(Operand source, Chunk rows, FieldVector output, QueryContext context) {
        StringWriter writer = new StringWriter((BaseVariableWidthVector) output);
        int count = rows.size();
        if (storage == Storage.VARIABLE || storage == Storage.FIXED_BYTES && from.kind() == TypeKind.FIXED_STRING) {
            try (StringColumn strings = StringColumn.of(source, context.allocator())) {
                for (int row = 0; row < count; row++) {
                    int position = rows.position(row);
                    writer.write(position, strings.address(position), strings.length(position));
                }
            }
        } else if (storage.isIntegral() && !from.kind().isTemporal() && from.kind() != TypeKind.BOOL) {
            long[] values = Scratch.current().longs(0, count);
            source.longs(rows, values);
            boolean unsigned64 = storage == Storage.UINT64;
            for (int row = 0; row < count; row++) {
                String text = unsigned64 ? Long.toUnsignedString(values[row]) : Long.toString(values[row]);
                writeAscii(writer, rows.position(row), text);
            }
        } else {
            for (int row = 0; row < count; row++) {
                int position = rows.position(row);
                if (source.isValid(position)) {
                    writeAscii(writer, position, text(source, position));
                }
            }
        }
        writer.finish(rows.physicalRowCount());
    }

    private static void writeAscii(StringWriter writer, int position, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writer.write(position, bytes);
    }

    private String text(Operand source, int position) {
        if (source.isConstant()) {
            return ValueFormat.format(source.constant().value(), from, true);
        }
        FieldVector vector = source.vector();
        return switch (from.kind()) {
            case FLOAT32 -> NumberText.formatFloat(Float.intBitsToFloat(Memory.getInt(vector.getDataBufferAddress() + 4L * position)));
            case FLOAT64 -> NumberText.formatDouble(Memory.getDouble(vector.getDataBufferAddress() + 8L * position));
            case BOOL -> Memory.bit(vector.getDataBufferAddress(), position) != 0 ? "true" : "false";
            case DECIMAL -> Decimals.get(vector, position, from).toPlainString();
            case DATE, DATE32 -> TemporalText.formatDate(Memory.getInt(vector.getDataBufferAddress() + 4L * position));
            case DATETIME, DATETIME64 -> TemporalText.formatDateTime(Memory.getLong(vector.getDataBufferAddress() + 8L * position),
                    TemporalValues.of(from), from.kind() == TypeKind.DATETIME64 ? from.precision() : 0);
            case UUID -> uuid(vector, position);
            default -> ValueFormat.format(VectorReader.value(vector, position, from), from, true);
        };
    }

    private static String uuid(FieldVector vector, int position) {
        byte[] bytes = new byte[16];
        Memory.copy(vector.getDataBufferAddress() + 16L * position, bytes, 0, 16);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
