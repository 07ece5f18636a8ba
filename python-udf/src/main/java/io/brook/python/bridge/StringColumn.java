package io.brook.python.bridge;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.graalvm.polyglot.Value;

/**
 * How one {@code string} or {@code fixed_string} column of a sink crosses into Python as a list
 * of {@code bytes}. While values repeat, as names, codes and statuses do, through a
 * {@link StringDictionary}: each distinct value becomes a Python object once per query, and a
 * chunk sends only the new values and one number per row, which the bridge looks up in its list.
 * A column whose chunks are mostly new values switches to cutting every value from one blob.
 */
final class StringColumn {
    /** Below this many rows a chunk says little about how often values repeat. */
    private static final int JUDGE_FROM_ROWS = 1024;

    private final Value newDictionary;
    private final Value extendDictionary;
    private final StringDictionary dictionary = new StringDictionary();
    /** The bridge's list of the values sent so far (null until the first chunk or after a reset). */
    private Value entries;
    /** The backing array of {@link #entries}: the bytes objects themselves, by number. */
    private Object[] entryObjects;
    private boolean plain;
    private int[] numbers = new int[0];

    StringColumn(Value newDictionary, Value extendDictionary) {
        this.newDictionary = newDictionary;
        this.extendDictionary = extendDictionary;
    }

    Object[] spec(FieldVector vector, int count, Integer nulls, ColumnEncoder.Transfer transfer) {
        ArrowBuf data = vector.getDataBuffer();
        ArrowBuf offsets = vector instanceof FixedSizeBinaryVector ? null : vector.getOffsetBuffer();
        int width = vector instanceof FixedSizeBinaryVector fixed ? fixed.getByteWidth() : 0;
        if (!plain && numberAll(data, offsets, width, count)) {
            if (count >= JUDGE_FROM_ROWS && dictionary.pending() > count / 2) {
                plain = true; // mostly new values: numbering costs more than it saves
            }
            return dictionarySpec(count, nulls, transfer);
        }
        return plainSpec(data, offsets, width, count, nulls, transfer);
    }

    /** After Python took a chunk: the values it was sent are in its list now. */
    void delivered() {
        dictionary.markSent();
        if (plain && entries != null) {
            reset();
        }
    }

    /** Forgets everything sent: the next chunk starts a new dictionary. */
    void reset() {
        dictionary.clear();
        entries = null;
        entryObjects = null;
    }

    /** Numbers every row's value; false (and the dictionary reset) when it fills up. */
    private boolean numberAll(ArrowBuf data, ArrowBuf offsets, int width, int count) {
        if (numbers.length < count) {
            numbers = new int[Math.max(count, numbers.length * 2)];
        }
        boolean freshStart = dictionary.size() == 0;
        for (int i = 0; i < count; i++) {
            long start = offsets == null ? (long) i * width : offsets.getInt(4L * i);
            int length = offsets == null ? width : offsets.getInt(4L * (i + 1)) - (int) start;
            int number = dictionary.number(data, start, length);
            if (number < 0) {
                reset();
                plain |= freshStart; // this chunk alone holds more distinct values than a dictionary may
                return false;
            }
            numbers[i] = number;
        }
        if (entries == null) {
            entries = newDictionary.execute();
        }
        return true;
    }

    /**
     * A list of references to the dictionary's bytes objects, filled by Java: the new values go
     * to Python first (blob and end offsets, added to its list in one call), then each row's
     * slot gets the object its number names, so Python does no per-row work at all.
     */
    private Object[] dictionarySpec(int count, Integer nulls, ColumnEncoder.Transfer transfer) {
        int pending = dictionary.pending();
        int[] rowNumbers = numbers;
        int blobIndex = -1;
        int endsIndex = -1;
        if (pending > 0) {
            byte[] blob = new byte[dictionary.pendingBytes()];
            int[] ends = new int[pending];
            dictionary.copyPending(blob, ends);
            blobIndex = transfer.request("b", blob.length,
                    s -> System.arraycopy(blob, 0, ListStorage.bytes(s, blob.length), 0, blob.length));
            endsIndex = transfer.request("i", pending,
                    s -> System.arraycopy(ends, 0, ListStorage.ints(s, pending), 0, pending));
        }
        int blob = blobIndex;
        int ends = endsIndex;
        int listIndex = transfer.request("o", count, (storage, allocated) -> {
            if (pending > 0) {
                entryObjects = ListStorage.objects(
                        extendDictionary.execute(entries, allocated, blob, ends, pending).asHostObject(), dictionary.size());
            }
            Object[] values = ListStorage.objects(storage, count);
            Object[] objects = entryObjects;
            for (int i = 0; i < count; i++) {
                values[i] = objects[rowNumbers[i]];
            }
        });
        return ColumnEncoder.spec("list", count, listIndex, null, nulls, null);
    }

    /** Every value cut from one blob at its end offset. */
    private static Object[] plainSpec(ArrowBuf data, ArrowBuf offsets, int width, int count, Integer nulls,
                                      ColumnEncoder.Transfer transfer) {
        int first = offsets == null || count == 0 ? 0 : offsets.getInt(0);
        int last = offsets == null ? width * count : count == 0 ? 0 : offsets.getInt(4L * count);
        int blobIndex = ColumnEncoder.bytes(transfer, data, first, last - first);
        int endsIndex = transfer.request("i", count, s -> {
            int[] ends = ListStorage.ints(s, count);
            for (int i = 0; i < count; i++) {
                ends[i] = offsets == null ? (i + 1) * width : offsets.getInt(4L * (i + 1)) - first;
            }
        });
        return ColumnEncoder.spec("bytes", count, blobIndex, endsIndex, nulls, null);
    }
}
