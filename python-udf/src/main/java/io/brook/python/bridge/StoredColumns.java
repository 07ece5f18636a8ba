package io.brook.python.bridge;

import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

import java.nio.ByteOrder;

/**
 * A source's column of numbers or bools, written into its vector straight from the backing array
 * of the Python list that holds it ({@code polyglot.storage}): {@code double[]} for floats,
 * {@code int[]} or {@code long[]} for ints, {@code boolean[]} for bools. Anything else (a list
 * holding None, a float in an integer column, an integer too large for the column) is refused,
 * and the bridge packs that column value by value, which also words the error for a value that
 * does not fit.
 */
final class StoredColumns {
    private StoredColumns() {
    }

    /** Writes the {@code count} values of {@code storage} into {@code vector}; false (nothing written) if refused. */
    static boolean write(FieldVector vector, BrookType type, Object storage, int count) {
        return switch (type.kind()) {
            case FLOAT64 -> floats(vector, storage, count, false);
            case FLOAT32 -> floats(vector, storage, count, true);
            case INT8 -> integers(vector, storage, count, 1, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case INT16 -> integers(vector, storage, count, 2, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32 -> integers(vector, storage, count, 4, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> integers(vector, storage, count, 8, Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT8 -> integers(vector, storage, count, 1, 0, 0xFF);
            case UINT16 -> integers(vector, storage, count, 2, 0, 0xFFFF);
            case UINT32 -> integers(vector, storage, count, 4, 0, 0xFFFF_FFFFL);
            case UINT64 -> integers(vector, storage, count, 8, 0, Long.MAX_VALUE);
            case BOOL -> bools(vector, storage, count);
            default -> false;
        };
    }

    private static boolean floats(FieldVector vector, Object storage, int count, boolean single) {
        if (!(storage instanceof double[] || storage instanceof int[] || storage instanceof long[])) {
            return false;
        }
        if (single && storage instanceof double[] doubles) {
            for (int i = 0; i < count; i++) {
                double value = doubles[i];
                if (Math.abs(value) > Float.MAX_VALUE && !Double.isInfinite(value)) {
                    return false; // let the bridge decide what a float32 does with it
                }
            }
        }
        ArrowBuf data = ensure((BaseFixedWidthVector) vector, count);
        if (!single && storage instanceof double[] doubles) {
            data.nioBuffer(0, 8 * count).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(doubles, 0, count);
        } else {
            for (int i = 0; i < count; i++) {
                double value = storage instanceof double[] doubles ? doubles[i]
                        : storage instanceof int[] ints ? ints[i] : (double) ((long[]) storage)[i];
                if (single) {
                    data.setFloat(4L * i, (float) value);
                } else {
                    data.setDouble(8L * i, value);
                }
            }
        }
        setAllValid(vector, count);
        return true;
    }

    private static boolean integers(FieldVector vector, Object storage, int count, int width, long min, long max) {
        if (storage instanceof int[] ints) {
            for (int i = 0; i < count; i++) {
                if (ints[i] < min || ints[i] > max) {
                    return false;
                }
            }
        } else if (storage instanceof long[] longs) {
            for (int i = 0; i < count; i++) {
                if (longs[i] < min || longs[i] > max) {
                    return false;
                }
            }
        } else {
            return false;
        }
        ArrowBuf data = ensure((BaseFixedWidthVector) vector, count);
        if (width == 4 && storage instanceof int[] ints) {
            data.nioBuffer(0, 4 * count).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(ints, 0, count);
        } else if (width == 8 && storage instanceof long[] longs) {
            data.nioBuffer(0, 8 * count).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(longs, 0, count);
        } else {
            for (int i = 0; i < count; i++) {
                long value = storage instanceof int[] ints ? ints[i] : ((long[]) storage)[i];
                switch (width) {
                    case 1 -> data.setByte(i, (byte) value);
                    case 2 -> data.setShort(2L * i, (short) value);
                    case 4 -> data.setInt(4L * i, (int) value);
                    default -> data.setLong(8L * i, value);
                }
            }
        }
        setAllValid(vector, count);
        return true;
    }

    private static boolean bools(FieldVector vector, Object storage, int count) {
        if (!(storage instanceof boolean[] bools)) {
            return false;
        }
        BitVector bits = (BitVector) vector;
        while (bits.getValueCapacity() < count) {
            bits.reAlloc();
        }
        for (int i = 0; i < count; i++) {
            bits.set(i, bools[i] ? 1 : 0);
        }
        return true;
    }

    private static ArrowBuf ensure(BaseFixedWidthVector vector, int count) {
        while (vector.getValueCapacity() < count) {
            vector.reAlloc();
        }
        return vector.getDataBuffer();
    }

    private static void setAllValid(FieldVector vector, int count) {
        ArrowBuf validity = vector.getValidityBuffer();
        int fullBytes = count >>> 3;
        validity.setOne(0, fullBytes);
        for (int i = fullBytes << 3; i < count; i++) {
            BitVectorHelper.setBit(validity, i);
        }
    }
}
