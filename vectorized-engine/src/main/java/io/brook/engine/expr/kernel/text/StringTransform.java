package io.brook.engine.expr.kernel.text;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * String to string functions of one argument, on bytes. {@code lower} and {@code upper} change
 * ASCII letters only, as in ClickHouse; the {@code _utf8} variants handle all of Unicode (through
 * Java strings, the slow path). {@code trim} and friends remove spaces.
 */
public final class StringTransform implements ScalarKernel {

    public enum Kind { LOWER, UPPER, LOWER_UTF8, UPPER_UTF8, REVERSE, TRIM, TRIM_LEFT, TRIM_RIGHT }

    private final Kind kind;

    public StringTransform(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        StringWriter writer = new StringWriter((BaseVariableWidthVector) output);
        try (StringColumn input = StringColumn.of(operands[0], context.allocator())) {
            for (int row = 0; row < rows.size(); row++) {
                int position = rows.position(row);
                transform(input.address(position), input.length(position), position, writer);
            }
        }
        writer.finish(rows.physicalRowCount());
    }

    private void transform(long source, int length, int position, StringWriter writer) {
        switch (kind) {
            case LOWER, UPPER -> {
                long target = writer.reserve(position, length);
                boolean lower = kind == Kind.LOWER;
                for (int index = 0; index < length; index++) {
                    byte value = Memory.getByte(source + index);
                    Memory.putByte(target + index, lower ? asciiLower(value) : asciiUpper(value));
                }
                writer.commit(position, length);
            }
            case REVERSE -> {
                long target = writer.reserve(position, length);
                for (int index = 0; index < length; index++) {
                    Memory.putByte(target + index, Memory.getByte(source + length - 1 - index));
                }
                writer.commit(position, length);
            }
            case TRIM, TRIM_LEFT, TRIM_RIGHT -> {
                int start = 0;
                int end = length;
                if (kind != Kind.TRIM_RIGHT) {
                    while (start < end && Memory.getByte(source + start) == ' ') {
                        start++;
                    }
                }
                if (kind != Kind.TRIM_LEFT) {
                    while (end > start && Memory.getByte(source + end - 1) == ' ') {
                        end--;
                    }
                }
                writer.write(position, source + start, end - start);
            }
            case LOWER_UTF8, UPPER_UTF8 -> {
                byte[] bytes = new byte[length];
                Memory.copy(source, bytes, 0, length);
                String text = new String(bytes, StandardCharsets.UTF_8);
                text = kind == Kind.LOWER_UTF8 ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT);
                writer.write(position, text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static byte asciiLower(byte value) {
        return value >= 'A' && value <= 'Z' ? (byte) (value + 32) : value;
    }

    static byte asciiUpper(byte value) {
        return value >= 'a' && value <= 'z' ? (byte) (value - 32) : value;
    }
}
