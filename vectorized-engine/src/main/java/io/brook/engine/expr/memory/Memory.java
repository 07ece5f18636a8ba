package io.brook.engine.expr.memory;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Reads and writes raw off-heap memory by address, the way every kernel touches Arrow buffers.
 * Static and tiny so the JIT inlines each call into the kernel's loop; Arrow's own bounds checks
 * are off in production, so callers are responsible for staying inside their buffers.
 */
public final class Memory {
    private static final long HASH_SEED = 0x9E3779B97F4A7C15L;

    private Memory() {
    }

    public static byte getByte(long address) {
        return MemoryUtil.getByte(address);
    }

    public static short getShort(long address) {
        return MemoryUtil.getShort(address);
    }

    public static int getInt(long address) {
        return MemoryUtil.getInt(address);
    }

    public static long getLong(long address) {
        return MemoryUtil.getLong(address);
    }

    public static float getFloat(long address) {
        return Float.intBitsToFloat(MemoryUtil.getInt(address));
    }

    public static double getDouble(long address) {
        return Double.longBitsToDouble(MemoryUtil.getLong(address));
    }

    public static void putByte(long address, byte value) {
        MemoryUtil.putByte(address, value);
    }

    public static void putShort(long address, short value) {
        MemoryUtil.putShort(address, value);
    }

    public static void putInt(long address, int value) {
        MemoryUtil.putInt(address, value);
    }

    public static void putLong(long address, long value) {
        MemoryUtil.putLong(address, value);
    }

    public static void putFloat(long address, float value) {
        MemoryUtil.putInt(address, Float.floatToRawIntBits(value));
    }

    public static void putDouble(long address, double value) {
        MemoryUtil.putLong(address, Double.doubleToRawLongBits(value));
    }

    /** Bit {@code index} of a bitmap (Arrow's least-significant-bit-first order), as 0 or 1. */
    public static int bit(long bitmapAddress, int index) {
        return (MemoryUtil.getByte(bitmapAddress + (index >>> 3)) >>> (index & 7)) & 1;
    }

    public static void setBit(long bitmapAddress, int index) {
        long address = bitmapAddress + (index >>> 3);
        MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) | (1 << (index & 7))));
    }

    public static void clearBit(long bitmapAddress, int index) {
        long address = bitmapAddress + (index >>> 3);
        MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) & ~(1 << (index & 7))));
    }

    public static void copy(long fromAddress, long toAddress, long length) {
        MemoryUtil.copyMemory(fromAddress, toAddress, length);
    }

    public static void copy(byte[] from, int fromIndex, long toAddress, int length) {
        MemoryUtil.copyToMemory(from, fromIndex, toAddress, length);
    }

    public static void copy(long fromAddress, byte[] to, int toIndex, int length) {
        MemoryUtil.copyFromMemory(fromAddress, to, toIndex, length);
    }

    public static void fill(long address, long length, byte value) {
        MemoryUtil.setMemory(address, length, value);
    }

    /**
     * Compares two byte strings as unsigned bytes, the order of UTF-8 code points: negative,
     * zero or positive. Eight bytes at a time; a byte-reversed word compares like the bytes.
     */
    public static int compareBytes(long left, int leftLength, long right, int rightLength) {
        int common = Math.min(leftLength, rightLength);
        int index = 0;
        for (; index + 8 <= common; index += 8) {
            long a = MemoryUtil.getLong(left + index);
            long b = MemoryUtil.getLong(right + index);
            if (a != b) {
                return Long.compareUnsigned(Long.reverseBytes(a), Long.reverseBytes(b));
            }
        }
        for (; index < common; index++) {
            int a = MemoryUtil.getByte(left + index) & 0xFF;
            int b = MemoryUtil.getByte(right + index) & 0xFF;
            if (a != b) {
                return a - b;
            }
        }
        return Integer.compare(leftLength, rightLength);
    }

    public static boolean equalBytes(long left, long right, int length) {
        int index = 0;
        for (; index + 8 <= length; index += 8) {
            if (MemoryUtil.getLong(left + index) != MemoryUtil.getLong(right + index)) {
                return false;
            }
        }
        for (; index < length; index++) {
            if (MemoryUtil.getByte(left + index) != MemoryUtil.getByte(right + index)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 64-bit hash of a byte string; good spread, not cryptographic. A string of at most 8 bytes
     * hashes like {@link #hashShortBytes} of its {@link #loadWord word}, so callers that already
     * hold that word need not read the bytes again.
     */
    public static long hashBytes(long address, int length) {
        long hash = HASH_SEED ^ length;
        int index = 0;
        for (; length - index > 8; index += 8) {
            // a cheap multiply-rotate per word; the one full mix at the end spreads the bits
            hash = Long.rotateLeft((hash ^ MemoryUtil.getLong(address + index)) * 0xC2B2AE3D27D4EB4FL, 31);
        }
        return Hashing.mix(hash ^ loadWord(address + index, length - index));
    }

    /** {@link #hashBytes} of a string of {@code length} (0..8) bytes whose {@link #loadWord word} is {@code word}. */
    public static long hashShortBytes(long word, int length) {
        return Hashing.mix(HASH_SEED ^ length ^ word);
    }

    /**
     * The {@code length} (0..8) bytes at {@code address} as one little-endian word, the bytes
     * above {@code length} zero. Reads no byte outside the string.
     */
    public static long loadWord(long address, int length) {
        if (length >= 8) {
            return MemoryUtil.getLong(address);
        }
        long word = 0;
        int shift = 0;
        if ((length & 4) != 0) {
            word = MemoryUtil.getInt(address) & 0xFFFF_FFFFL;
            shift = 32;
        }
        if ((length & 2) != 0) {
            word |= (MemoryUtil.getShort(address + (shift >>> 3)) & 0xFFFFL) << shift;
            shift += 16;
        }
        if ((length & 1) != 0) {
            word |= (MemoryUtil.getByte(address + (shift >>> 3)) & 0xFFL) << shift;
        }
        return word;
    }
}
