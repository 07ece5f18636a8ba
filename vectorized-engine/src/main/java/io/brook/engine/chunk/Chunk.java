package io.brook.engine.chunk;

import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;
import java.util.List;

/**
 * A batch of rows: Arrow column vectors, their physical row count, and an optional selection
 * vector naming which physical positions are live. Immutable: filters make a new chunk that
 * shares the vectors with a new selection; slices share vectors too. Nothing is copied.
 *
 * <p>Memory is reference counted through {@link ChunkMemory}. A chunk handed to an operator is
 * borrowed for the call; an operator that keeps it longer calls {@link #retain()} and closes its
 * reference when done.
 */
public final class Chunk implements AutoCloseable {
    private final FieldVector[] columns;
    private final int physicalRowCount;
    private final int[] selection;
    private final int size;
    private final ChunkMemory memory;

    private Chunk(FieldVector[] columns, int physicalRowCount, int[] selection, int size, ChunkMemory memory) {
        this.columns = columns;
        this.physicalRowCount = physicalRowCount;
        this.selection = selection;
        this.size = size;
        this.memory = memory;
    }

    /** A dense chunk that owns {@code columns}: closing it closes them. */
    public static Chunk of(List<? extends FieldVector> columns, int rowCount) {
        FieldVector[] array = columns.toArray(new FieldVector[0]);
        return new Chunk(array, rowCount, null, rowCount, ChunkMemory.owning(array, null));
    }

    /** Number of live rows. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Rows the vectors physically hold; positions in the selection are below this. */
    public int physicalRowCount() {
        return physicalRowCount;
    }

    public int columnCount() {
        return columns.length;
    }

    public FieldVector column(int index) {
        return columns[index];
    }

    /** Live physical positions, or null when every position 0..size-1 is live. */
    public int[] selection() {
        return selection;
    }

    public boolean isDense() {
        return selection == null;
    }

    /** The physical position of live row {@code row}. */
    public int position(int row) {
        return selection == null ? row : selection[row];
    }

    /** Live rows {@code from .. from+length-1}, sharing this chunk's vectors. */
    public Chunk slice(int from, int length) {
        if (from < 0 || length < 0 || from + length > size) {
            throw new IndexOutOfBoundsException("slice " + from + "+" + length + " of " + size);
        }
        int[] positions = new int[length];
        for (int i = 0; i < length; i++) {
            positions[i] = position(from + i);
        }
        return new Chunk(columns, physicalRowCount, positions, length, memory.retain());
    }

    /**
     * The same vectors with a new selection of physical positions; {@code count} entries of
     * {@code positions} are used and must be ascending.
     */
    public Chunk withSelection(int[] positions, int count) {
        return new Chunk(columns, physicalRowCount, positions, count, memory.retain());
    }

    /**
     * A chunk of other columns over the same physical rows and selection, for projections. The
     * new chunk owns {@code created} (vectors the caller made) and keeps this chunk's memory alive
     * for any of its vectors it reuses.
     */
    public Chunk withColumns(FieldVector[] newColumns, List<FieldVector> created) {
        FieldVector[] owned = created.toArray(new FieldVector[0]);
        return new Chunk(newColumns.clone(), physicalRowCount, selection, size,
                ChunkMemory.owning(owned, memory.retain()));
    }

    /** Adds a reference; the caller must {@link #close()} it. */
    public Chunk retain() {
        memory.retain();
        return this;
    }

    @Override
    public void close() {
        memory.release();
    }

    @Override
    public String toString() {
        return "Chunk[" + size + " of " + physicalRowCount + " rows, " + columns.length + " columns"
                + (selection == null ? "" : ", selection " + Arrays.toString(Arrays.copyOf(selection, Math.min(size, 8))))
                + "]";
    }
}
