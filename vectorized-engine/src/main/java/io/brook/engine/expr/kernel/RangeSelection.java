package io.brook.engine.expr.kernel;

import io.brook.engine.expr.vector.Validity;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/**
 * The fused filter for "column compared with a constant": every such comparison is a range
 * test {@code low <= v <= high} (or its negation for !=), so one branch-free loop per storage
 * writes the matching positions straight into the selection vector. The loops for int32, int64
 * and float64 columns without nulls read the Arrow buffer directly; other storages gather first.
 * Null values are never selected.
 */
public final class RangeSelection {
    private RangeSelection() {
    }

    /** Integer storages; for uint64, {@code low} and {@code high} are unsigned bit patterns. */
    public static int longs(FieldVector vector, Storage storage, Chunk rows, long low, long high, boolean inside, int[] out) {
        boolean hasNulls = !Validity.hasNoNulls(vector);
        if (inside && !hasNulls && storage == Storage.INT64) {
            return int64Inside(vector.getDataBufferAddress(), rows, low, high, out);
        }
        if (inside && !hasNulls && storage == Storage.INT32) {
            return int32Inside(vector.getDataBufferAddress(), rows, low, high, out);
        }
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        Gather.longs(vector, storage, rows.selection(), count, values);
        if (storage == Storage.UINT64) {
            low ^= Long.MIN_VALUE;
            high ^= Long.MIN_VALUE;
            for (int row = 0; row < count; row++) {
                values[row] ^= Long.MIN_VALUE;
            }
        }
        long validity = vector.getValidityBufferAddress();
        int found = 0;
        for (int row = 0; row < count; row++) {
            int position = rows.position(row);
            long value = values[row];
            boolean matches = (value >= low & value <= high) == inside;
            out[found] = position;
            found += (matches ? 1 : 0) & (hasNulls ? Memory.bit(validity, position) : 1);
        }
        return found;
    }

    public static int doubles(FieldVector vector, BrookType type, Chunk rows, double low, double high, boolean inside, int[] out) {
        boolean hasNulls = !Validity.hasNoNulls(vector);
        Storage storage = Storage.of(type);
        if (inside && !hasNulls && storage == Storage.FLOAT64) {
            return float64Inside(vector.getDataBufferAddress(), rows, low, high, out);
        }
        int count = rows.size();
        double[] values = Scratch.current().doubles(0, count);
        Gather.doubles(vector, type, rows.selection(), count, values);
        long validity = vector.getValidityBufferAddress();
        int found = 0;
        for (int row = 0; row < count; row++) {
            int position = rows.position(row);
            double value = values[row];
            boolean matches = (value >= low & value <= high) == inside;
            out[found] = position;
            found += (matches ? 1 : 0) & (hasNulls ? Memory.bit(validity, position) : 1);
        }
        return found;
    }

    private static int float64Inside(long address, Chunk rows, double low, double high, int[] out) {
        if (high == Double.POSITIVE_INFINITY) {
            return float64AtLeast(address, rows, low, out);
        }
        int count = rows.size();
        int[] selection = rows.selection();
        int found = 0;
        if (selection == null) {
            for (int position = 0; position < count; position++) {
                double value = Memory.getDouble(address + ((long) position << 3));
                out[found] = position;
                found += value >= low & value <= high ? 1 : 0;
            }
        } else {
            for (int row = 0; row < count; row++) {
                int position = selection[row];
                double value = Memory.getDouble(address + ((long) position << 3));
                out[found] = position;
                found += value >= low & value <= high ? 1 : 0;
            }
        }
        return found;
    }

    /**
     * The one-sided case of {@code v > c} and {@code v >= c}. Dense chunks go eight rows at a time:
     * eight independent compares make a byte mask, whose positions come from a table, so the only
     * dependency between rows is one count update per eight.
     */
    private static int float64AtLeast(long address, Chunk rows, double low, int[] out) {
        int count = rows.size();
        int[] selection = rows.selection();
        int found = 0;
        if (selection == null) {
            int position = 0;
            for (; position + 8 <= count; position += 8) {
                long at = address + ((long) position << 3);
                int mask = (Memory.getDouble(at) >= low ? 1 : 0)
                        | (Memory.getDouble(at + 8) >= low ? 2 : 0)
                        | (Memory.getDouble(at + 16) >= low ? 4 : 0)
                        | (Memory.getDouble(at + 24) >= low ? 8 : 0)
                        | (Memory.getDouble(at + 32) >= low ? 16 : 0)
                        | (Memory.getDouble(at + 40) >= low ? 32 : 0)
                        | (Memory.getDouble(at + 48) >= low ? 64 : 0)
                        | (Memory.getDouble(at + 56) >= low ? 128 : 0);
                found = MaskPositions.write(mask, position, out, found);
            }
            for (; position < count; position++) {
                out[found] = position;
                found += Memory.getDouble(address + ((long) position << 3)) >= low ? 1 : 0;
            }
        } else {
            for (int row = 0; row < count; row++) {
                int position = selection[row];
                out[found] = position;
                found += Memory.getDouble(address + ((long) position << 3)) >= low ? 1 : 0;
            }
        }
        return found;
    }

    private static int int64Inside(long address, Chunk rows, long low, long high, int[] out) {
        int count = rows.size();
        int[] selection = rows.selection();
        int found = 0;
        if (selection == null) {
            for (int position = 0; position < count; position++) {
                long value = Memory.getLong(address + ((long) position << 3));
                out[found] = position;
                found += value >= low & value <= high ? 1 : 0;
            }
        } else {
            for (int row = 0; row < count; row++) {
                int position = selection[row];
                long value = Memory.getLong(address + ((long) position << 3));
                out[found] = position;
                found += value >= low & value <= high ? 1 : 0;
            }
        }
        return found;
    }

    private static int int32Inside(long address, Chunk rows, long low, long high, int[] out) {
        int count = rows.size();
        int[] selection = rows.selection();
        int found = 0;
        if (selection == null) {
            for (int position = 0; position < count; position++) {
                long value = Memory.getInt(address + ((long) position << 2));
                out[found] = position;
                found += value >= low & value <= high ? 1 : 0;
            }
        } else {
            for (int row = 0; row < count; row++) {
                int position = selection[row];
                long value = Memory.getInt(address + ((long) position << 2));
                out[found] = position;
                found += value >= low & value <= high ? 1 : 0;
            }
        }
        return found;
    }
}
