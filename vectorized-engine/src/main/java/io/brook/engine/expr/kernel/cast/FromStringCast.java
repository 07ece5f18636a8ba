package io.brook.engine.expr.kernel.cast;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.kernel.Decimals;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.kernel.text.TemporalText;
import io.brook.engine.expr.kernel.time.TemporalValues;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.vector.FieldVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Parses text into numbers, bool, decimals, dates, datetimes, uuids and fixed strings. Text that
 * is not a value of the type fails with CANNOT_PARSE_TEXT naming it; a number too large for the
 * type with VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE. No surrounding spaces are accepted (as ClickHouse).
 */
final class FromStringCast extends CastKernel {
    private final Storage storage;
    private final TemporalValues temporal;

    FromStringCast(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        super(from, to, onError, strictNulls);
        this.storage = Storage.of(to);
        this.temporal = to.kind().isTemporal() ? TemporalValues.of(to) : null;
    }

    @Override
    protected void convert(Operand source, Chunk rows, FieldVector output, QueryContext context) {
        try (StringColumn strings = StringColumn.of(source, context.allocator())) {
            for (int row = 0; row < rows.size(); row++) {
                int position = rows.position(row);
                if (!source.isValid(position)) {
                    continue;
                }
                byte[] bytes = new byte[strings.length(position)];
                Memory.copy(strings.address(position), bytes, 0, bytes.length);
                try {
                    write(output, position, bytes);
                } catch (BrookException e) {
                    reject(output, position, e);
                }
            }
        }
    }

    private void write(FieldVector output, int position, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        long address = output.getDataBufferAddress();
        switch (storage) {
            case INT8, UINT8 -> Memory.putByte(address + position, (byte) parseInteger(text));
            case INT16, UINT16 -> Memory.putShort(address + 2L * position, (short) parseInteger(text));
            case INT32, UINT32 -> Memory.putInt(address + 4L * position,
                    (int) (temporal != null ? parseTemporal(text) : parseInteger(text)));
            case INT64, UINT64 -> Memory.putLong(address + 8L * position,
                    temporal != null ? parseTemporal(text) : parseInteger(text));
            case FLOAT32 -> Memory.putFloat(address + 4L * position, (float) parseFloat(text));
            case FLOAT64 -> Memory.putDouble(address + 8L * position, parseFloat(text));
            case BIT -> {
                if (parseBool(text)) {
                    Memory.setBit(address, position);
                }
            }
            case DECIMAL128, DECIMAL256 -> Decimals.put(output, position, parseDecimal(text));
            case FIXED_BYTES -> Memory.copy(fixedBytes(text, bytes), 0, address + (long) to.length() * position, to.length());
            default -> throw new BrookException(ErrorCode.CANNOT_CONVERT_TYPE, "Cannot convert string to " + to);
        }
    }

    private long parseInteger(String text) {
        long value;
        try {
            value = to.kind() == TypeKind.UINT64 ? Long.parseUnsignedLong(text) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            if (text.matches("[+-]?\\d+")) {
                throw outOfRange(text);
            }
            throw cannotParse(text);
        }
        if (to.kind() != TypeKind.UINT64 && (value < JavaValues.minimum(to.kind()) || value > JavaValues.maximum(to.kind()))) {
            throw outOfRange(text);
        }
        return value;
    }

    private double parseFloat(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // Java also reads hex floats and a trailing d/f; SQL text never has those
                if (!lower.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                    throw cannotParse(text);
                }
                return Double.parseDouble(lower);
            }
        }
    }

    private boolean parseBool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw cannotParse(text);
        };
    }

    private BigDecimal parseDecimal(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw cannotParse(text);
        }
        BigDecimal scaled = value.setScale(to.scale(), RoundingMode.DOWN);
        if (scaled.precision() - scaled.scale() > to.precision() - to.scale()) {
            throw outOfRange(text);
        }
        return scaled;
    }

    private long parseTemporal(String text) {
        try {
            return temporal.isDate() ? TemporalText.parseDate(text)
                    : TemporalText.parseDateTime(text, temporal.zone(), temporal.ticksPerSecond());
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw cannotParse(text);
        }
    }

    private byte[] fixedBytes(String text, byte[] bytes) {
        if (to.kind() == TypeKind.UUID) {
            try {
                UUID uuid = UUID.fromString(text);
                return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits()).array();
            } catch (IllegalArgumentException e) {
                throw cannotParse(text);
            }
        }
        if (bytes.length > to.length()) {
            throw new BrookException(ErrorCode.TOO_LARGE_STRING_SIZE, "Too large value for " + to.base() + ": '" + text + "'");
        }
        return java.util.Arrays.copyOf(bytes, to.length());
    }
}
