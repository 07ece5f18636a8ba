package io.brook.python.bridge;

import org.apache.arrow.memory.ArrowBuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The distinct values one string column of a sink has sent to Python, numbered in the order they
 * were first seen. Python keeps the matching list of {@code bytes}, so a value that repeats
 * (a host name, a status) becomes a Python object once per query instead of once per row, and
 * each row sends only its number. Bounded: {@link #number} answers -1 once
 * {@link #MAX_ENTRIES} values or {@link #MAX_BYTES} bytes are held.
 */
final class StringDictionary {
    static final int MAX_ENTRIES = 1 << 16;
    static final int MAX_BYTES = 1 << 23;
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Entry number + 1 per slot, 0 for an empty slot; open addressing, linear probing. */
    private int[] slots = new int[1024];
    private int[] hashes = new int[256];
    /** The first (up to) 8 bytes of each value as a little-endian word, zero-padded. */
    private long[] heads = new long[256];
    private int[] starts = new int[256];
    private int[] lengths = new int[256];
    private byte[] arena = new byte[4096];
    private int size;
    private int arenaSize;
    /** Entries Python already has; those from here to {@link #size} are still to be sent. */
    private int sent;

    int size() {
        return size;
    }

    /** The number of the {@code length} bytes at {@code start} of {@code data}, added if new; -1 when full. */
    int number(ArrowBuf data, long start, int length) {
        long head = head(data, start, length);
        int hash = length <= 8 ? mix(head ^ length * GOLDEN) : hash(data, start, length, head);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return add(slot, hash, head, data, start, length);
            }
            if (heads[entry] == head && lengths[entry] == length && (length <= 8 || equalTail(entry, data, start, length))) {
                return entry;
            }
        }
    }

    /** Values added since the last {@link #markSent()}. */
    int pending() {
        return size - sent;
    }

    /** Bytes of the values added since the last {@link #markSent()}. */
    int pendingBytes() {
        return size == sent ? 0 : arenaSize - starts[sent];
    }

    /** The pending values, concatenated into {@code blob}, with their end offsets in {@code ends}. */
    void copyPending(byte[] blob, int[] ends) {
        int from = size == sent ? 0 : starts[sent];
        System.arraycopy(arena, from, blob, 0, arenaSize - from);
        for (int entry = sent; entry < size; entry++) {
            ends[entry - sent] = starts[entry] + lengths[entry] - from;
        }
    }

    void markSent() {
        sent = size;
    }

    void clear() {
        Arrays.fill(slots, 0);
        size = 0;
        arenaSize = 0;
        sent = 0;
    }

    private int add(int slot, int hash, long head, ArrowBuf data, long start, int length) {
        if (size == MAX_ENTRIES || arenaSize + length > MAX_BYTES) {
            return -1;
        }
        if (size == hashes.length) {
            int capacity = size * 2;
            hashes = Arrays.copyOf(hashes, capacity);
            heads = Arrays.copyOf(heads, capacity);
            starts = Arrays.copyOf(starts, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        int entry = size++;
        hashes[entry] = hash;
        heads[entry] = head;
        starts[entry] = arenaSize;
        lengths[entry] = length;
        if (length > 0) {
            data.getBytes(start, arena, arenaSize, length);
        }
        arenaSize += length;
        slots[slot] = entry + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return entry;
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = hashes[entry] & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = entry + 1;
        }
        slots = grown;
    }

    /** Whether bytes 8.. of an entry longer than 8 bytes equal those of the value at {@code start}. */
    private boolean equalTail(int entry, ArrowBuf data, long start, int length) {
        int at = starts[entry];
        int i = 8;
        for (; i + 8 <= length; i += 8) {
            if ((long) LONGS.get(arena, at + i) != data.getLong(start + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (arena[at + i] != data.getByte(start + i)) {
                return false;
            }
        }
        return true;
    }

    /** The first min(8, length) bytes at {@code start} as a little-endian word, zero-padded. */
    static long head(ArrowBuf data, long start, int length) {
        if (length >= 8) {
            return data.getLong(start);
        }
        if (start + 8 <= data.capacity()) {
            return length == 0 ? 0 : data.getLong(start) & (-1L >>> (64 - 8 * length));
        }
        long word = 0;
        for (int i = 0; i < length; i++) {
            word |= (data.getByte(start + i) & 0xFFL) << (8 * i);
        }
        return word;
    }

    /** A multiplicative hash over the 8-byte words of a value longer than 8 bytes, then its tail. */
    private static int hash(ArrowBuf data, long start, int length, long head) {
        long hash = Long.rotateLeft((length * GOLDEN ^ head) * GOLDEN, 31);
        int i = 8;
        for (; i + 8 <= length; i += 8) {
            hash = Long.rotateLeft((hash ^ data.getLong(start + i)) * GOLDEN, 31);
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            tail |= (data.getByte(start + i) & 0xFFL) << shift;
        }
        return mix(hash ^ tail);
    }

    private static int mix(long value) {
        long hash = value * GOLDEN;
        hash ^= hash >>> 29;
        hash *= GOLDEN;
        return (int) (hash ^ (hash >>> 32));
    }
}
