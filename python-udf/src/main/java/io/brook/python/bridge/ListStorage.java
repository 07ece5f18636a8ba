package io.brook.python.bridge;

import org.apache.arrow.memory.ArrowBuf;

import java.nio.ByteOrder;

/**
 * Copies Arrow buffers into the backing arrays of Python lists and bytearrays (what
 * {@code polyglot.storage} gives for a list GraalPy stores as {@code double[]}, {@code int[]},
 * {@code long[]}, {@code boolean[]} or {@code Object[]}, and for a bytearray) and back. Each method checks the
 * array it gets, because the storage GraalPy picks is its own business: a version that picks
 * another must fail loudly here, not write past a list's end.
 */
final class ListStorage {
    private ListStorage() {
    }

    static double[] doubles(Object storage, int count) {
        return checked(storage, double[].class, count);
    }

    static int[] ints(Object storage, int count) {
        return checked(storage, int[].class, count);
    }

    static long[] longs(Object storage, int count) {
        return checked(storage, long[].class, count);
    }

    static boolean[] booleans(Object storage, int count) {
        return checked(storage, boolean[].class, count);
    }

    static Object[] objects(Object storage, int count) {
        return checked(storage, Object[].class, count);
    }

    static byte[] bytes(Object storage, int count) {
        return checked(storage, byte[].class, count);
    }

    /** float64 values, in one bulk copy. */
    static void float64(ArrowBuf data, int count, double[] out) {
        if (count > 0) {
            data.nioBuffer(0, 8 * count).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out, 0, count);
        }
    }

    /** float32 values, widened as Python widens them. */
    static void float32(ArrowBuf data, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = data.getFloat(4L * i);
        }
    }

    /** Integers of {@code width} bytes (1, 2 or 4; unsigned only below 4) into an int[]. */
    static void ints(ArrowBuf data, int width, boolean unsigned, int count, int[] out) {
        switch (width) {
            case 1 -> {
                for (int i = 0; i < count; i++) {
                    byte value = data.getByte(i);
                    out[i] = unsigned ? value & 0xFF : value;
                }
            }
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    short value = data.getShort(2L * i);
                    out[i] = unsigned ? value & 0xFFFF : value;
                }
            }
            case 4 -> {
                if (count > 0) {
                    data.nioBuffer(0, 4 * count).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out, 0, count);
                }
            }
            default -> throw new IllegalArgumentException("width " + width);
        }
    }

    /** uint32 values, widened without sign, into a long[]. */
    static void uint32(ArrowBuf data, int count, long[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = data.getInt(4L * i) & 0xFFFF_FFFFL;
        }
    }

    /** 8-byte integers into a long[], in one bulk copy. */
    static void int64(ArrowBuf data, int count, long[] out) {
        if (count > 0) {
            data.nioBuffer(0, 8 * count).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out, 0, count);
        }
    }

    /** Whether any of the first {@code count} uint64 values is 2^63 or more (no Java long holds it). */
    static boolean anyAboveLongRange(ArrowBuf data, int count) {
        for (int i = 0; i < count; i++) {
            if (data.getLong(8L * i) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Bits of an Arrow bit buffer as booleans. */
    static void bits(ArrowBuf data, int count, boolean[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = ((data.getByte(i >>> 3) >>> (i & 7)) & 1) != 0;
        }
    }

    /** {@code length} bytes of {@code data} from {@code offset} into {@code out}. */
    static void bytes(ArrowBuf data, long offset, int length, byte[] out) {
        if (length > 0) {
            data.getBytes(offset, out, 0, length);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T checked(Object storage, Class<T> type, int count) {
        if (!type.isInstance(storage) || java.lang.reflect.Array.getLength(storage) < count) {
            throw new IllegalStateException("GraalPy backs this list with " + describe(storage) + ", not a "
                    + type.getSimpleName() + " of at least " + count + " elements; the column bridge needs updating for"
                    + " this GraalPy version");
        }
        return (T) storage;
    }

    private static String describe(Object storage) {
        if (storage == null) {
            return "nothing";
        }
        if (storage.getClass().isArray()) {
            return storage.getClass().getSimpleName() + " of " + java.lang.reflect.Array.getLength(storage) + " elements";
        }
        return storage.getClass().getName();
    }
}
