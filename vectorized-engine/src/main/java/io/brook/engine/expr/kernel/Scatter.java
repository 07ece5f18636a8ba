package io.brook.engine.expr.kernel;

import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import org.apache.arrow.vector.FieldVector;

/**
 * The inverse of {@link Gather}: writes dense results (row {@code i} at index {@code i}) to the
 * live physical positions of an output vector, narrowing to the output's storage. Integer
 * narrowing keeps the low bits, which is how ClickHouse wraps integer overflow.
 */
public final class Scatter {
    private Scatter() {
    }

    public static void longs(long[] values, int[] selection, int count, FieldVector output, Storage storage) {
        long address = output.getDataBufferAddress();
        switch (storage) {
            case INT8, UINT8 -> {
                for (int row = 0; row < count; row++) {
                    Memory.putByte(address + position(selection, row), (byte) values[row]);
                }
            }
            case INT16, UINT16 -> {
                for (int row = 0; row < count; row++) {
                    Memory.putShort(address + ((long) position(selection, row) << 1), (short) values[row]);
                }
            }
            case INT32, UINT32 -> {
                for (int row = 0; row < count; row++) {
                    Memory.putInt(address + ((long) position(selection, row) << 2), (int) values[row]);
                }
            }
            case INT64, UINT64 -> {
                if (selection == null) {
                    for (int row = 0; row < count; row++) {
                        Memory.putLong(address + ((long) row << 3), values[row]);
                    }
                } else {
                    for (int row = 0; row < count; row++) {
                        Memory.putLong(address + ((long) selection[row] << 3), values[row]);
                    }
                }
            }
            case DECIMAL128 -> {
                for (int row = 0; row < count; row++) {
                    long target = address + ((long) position(selection, row) << 4);
                    Memory.putLong(target, values[row]);
                    Memory.putLong(target + 8, values[row] >> 63);
                }
            }
            case FLOAT32 -> {
                for (int row = 0; row < count; row++) {
                    Memory.putFloat(address + ((long) position(selection, row) << 2), values[row]);
                }
            }
            case FLOAT64 -> {
                for (int row = 0; row < count; row++) {
                    Memory.putDouble(address + ((long) position(selection, row) << 3), values[row]);
                }
            }
            case BIT -> {
                for (int row = 0; row < count; row++) {
                    if (values[row] != 0) {
                        Memory.setBit(address, position(selection, row));
                    }
                }
            }
            default -> throw new IllegalArgumentException("cannot store longs as " + storage);
        }
    }

    public static void doubles(double[] values, int[] selection, int count, FieldVector output, Storage storage) {
        long address = output.getDataBufferAddress();
        switch (storage) {
            case FLOAT64 -> {
                if (selection == null) {
                    for (int row = 0; row < count; row++) {
                        Memory.putDouble(address + ((long) row << 3), values[row]);
                    }
                } else {
                    for (int row = 0; row < count; row++) {
                        Memory.putDouble(address + ((long) selection[row] << 3), values[row]);
                    }
                }
            }
            case FLOAT32 -> {
                for (int row = 0; row < count; row++) {
                    Memory.putFloat(address + ((long) position(selection, row) << 2), (float) values[row]);
                }
            }
            default -> throw new IllegalArgumentException("cannot store doubles as " + storage);
        }
    }

    /** Writes booleans into a bit vector's data (the output starts zeroed, so only sets). */
    public static void booleans(boolean[] values, int[] selection, int count, FieldVector output) {
        long address = output.getDataBufferAddress();
        for (int row = 0; row < count; row++) {
            if (values[row]) {
                Memory.setBit(address, position(selection, row));
            }
        }
    }

    private static int position(int[] selection, int row) {
        return selection == null ? row : selection[row];
    }
}
