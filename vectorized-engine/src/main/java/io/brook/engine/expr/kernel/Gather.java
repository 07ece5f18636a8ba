package io.brook.engine.expr.kernel;

import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies the values at a chunk's live positions into a dense Java array (row {@code i} at
 * index {@code i}), widening every integer storage to long or converting to double. One tight
 * loop per storage; the loop a kernel then runs over the array has no type switch in it.
 */
public final class Gather {
    private Gather() {
    }

    /**
     * Integer storages as long (unsigned zero-extended; uint64 as its bit pattern), bool as 0/1,
     * and decimal128 as its unscaled value's low word (callers check {@link #decimalsFitLong}).
     */
    public static void longs(FieldVector vector, Storage storage, int[] selection, int count, long[] out) {
        long address = vector.getDataBufferAddress();
        if (selection == null) {
            denseLongs(address, storage, count, out);
            return;
        }
        switch (storage) {
            case INT8 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getByte(address + selection[row]);
                }
            }
            case UINT8 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getByte(address + selection[row]) & 0xFFL;
                }
            }
            case INT16 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getShort(address + ((long) selection[row] << 1));
                }
            }
            case UINT16 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getShort(address + ((long) selection[row] << 1)) & 0xFFFFL;
                }
            }
            case INT32 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getInt(address + ((long) selection[row] << 2));
                }
            }
            case UINT32 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getInt(address + ((long) selection[row] << 2)) & 0xFFFF_FFFFL;
                }
            }
            case INT64, UINT64 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getLong(address + ((long) selection[row] << 3));
                }
            }
            case DECIMAL128 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getLong(address + ((long) selection[row] << 4));
                }
            }
            case BIT -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.bit(address, selection[row]);
                }
            }
            default -> throw new IllegalArgumentException("no long view of " + storage);
        }
    }

    private static void denseLongs(long address, Storage storage, int count, long[] out) {
        switch (storage) {
            case INT8 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getByte(address + row);
                }
            }
            case UINT8 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getByte(address + row) & 0xFFL;
                }
            }
            case INT16 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getShort(address + ((long) row << 1));
                }
            }
            case UINT16 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getShort(address + ((long) row << 1)) & 0xFFFFL;
                }
            }
            case INT32 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getInt(address + ((long) row << 2));
                }
            }
            case UINT32 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getInt(address + ((long) row << 2)) & 0xFFFF_FFFFL;
                }
            }
            case INT64, UINT64 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getLong(address + ((long) row << 3));
                }
            }
            case DECIMAL128 -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.getLong(address + ((long) row << 4));
                }
            }
            case BIT -> {
                for (int row = 0; row < count; row++) {
                    out[row] = Memory.bit(address, row);
                }
            }
            default -> throw new IllegalArgumentException("no long view of " + storage);
        }
    }

    /** Numbers of any numeric storage as double (decimals divided by 10^scale). */
    public static void doubles(FieldVector vector, BrookType type, int[] selection, int count, double[] out) {
        Storage storage = Storage.of(type);
        long address = vector.getDataBufferAddress();
        switch (storage) {
            case FLOAT64 -> {
                if (selection == null) {
                    for (int row = 0; row < count; row++) {
                        out[row] = Memory.getDouble(address + ((long) row << 3));
                    }
                } else {
                    for (int row = 0; row < count; row++) {
                        out[row] = Memory.getDouble(address + ((long) selection[row] << 3));
                    }
                }
            }
            case FLOAT32 -> {
                for (int row = 0; row < count; row++) {
                    int position = selection == null ? row : selection[row];
                    out[row] = Memory.getFloat(address + ((long) position << 2));
                }
            }
            case DECIMAL128, DECIMAL256 -> Decimals.gatherDoubles(vector, type, selection, count, out);
            default -> {
                // slot 3 is reserved for this conversion; callers hold the others
                long[] values = io.brook.engine.expr.memory.Scratch.current().longs(3, count);
                longs(vector, storage, selection, count, values);
                if (storage == Storage.UINT64) {
                    for (int row = 0; row < count; row++) {
                        out[row] = unsignedToDouble(values[row]);
                    }
                } else {
                    for (int row = 0; row < count; row++) {
                        out[row] = values[row];
                    }
                }
            }
        }
    }

    public static double unsignedToDouble(long bits) {
        double value = (double) (bits & Long.MAX_VALUE);
        return bits < 0 ? value + 0x1.0p63 : value;
    }

    /** True when every live decimal128 value's unscaled value fits a long. */
    public static boolean decimalsFitLong(FieldVector vector, int[] selection, int count) {
        long address = vector.getDataBufferAddress();
        for (int row = 0; row < count; row++) {
            long position = selection == null ? row : selection[row];
            long low = Memory.getLong(address + (position << 4));
            long high = Memory.getLong(address + (position << 4) + 8);
            if (high != (low >> 63)) {
                return false;
            }
        }
        return true;
    }
}
