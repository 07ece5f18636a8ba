package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorWriter;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.complex.ListVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a chunk from Java values row by row: VALUES rows, literal tables, test data. Values are
 * the Java forms {@link VectorWriter} accepts (Long, String, LocalDate, Instant, List, Map...).
 */
public final class ChunkBuilder implements AutoCloseable {
    private static final int INITIAL_ROWS = 16;

    private final List<String> names;
    private final List<BrookType> types;
    private final BufferAllocator allocator;
    private List<FieldVector> vectors;
    private int rows;

    public ChunkBuilder(List<String> names, List<BrookType> types, BufferAllocator allocator) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException("one name per type");
        }
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.allocator = allocator;
        this.vectors = allocateVectors();
    }

    /** A one-shot chunk of {@code rows}, each a list with one value per column. */
    public static Chunk of(List<String> names, List<BrookType> types, List<? extends List<?>> rows, BufferAllocator allocator) {
        try (ChunkBuilder builder = new ChunkBuilder(names, types, allocator)) {
            rows.forEach(builder::addRow);
            return builder.build();
        }
    }

    public ChunkBuilder addRow(Object... values) {
        return addRow(java.util.Arrays.asList(values));
    }

    public ChunkBuilder addRow(List<?> values) {
        if (values.size() != types.size()) {
            throw new IllegalArgumentException("row has " + values.size() + " values for " + types.size() + " columns");
        }
        for (int column = 0; column < values.size(); column++) {
            VectorWriter.write(vectors.get(column), rows, values.get(column), types.get(column));
        }
        rows++;
        return this;
    }

    /**
     * Sets column {@code column} of the row being built (the one at {@link #rowCount()}) to a value
     * already normalised for its type, skipping the normalising {@link #addRow} does. A column
     * not set before {@link #endRow()} is NULL in that row.
     */
    public void setNormalized(int column, Object value) {
        VectorWriter.writeNormalized(vectors.get(column), rows, value, types.get(column));
    }

    /** Ends the row that {@link #setNormalized} filled. */
    public void endRow() {
        rows++;
    }

    /**
     * Drops the rows after the first {@code rowCount}, and any columns already set in the row being
     * built; the next row is written over them.
     */
    public void truncate(int rowCount) {
        if (rowCount < 0 || rowCount > rows) {
            throw new IllegalArgumentException("cannot truncate " + rows + " rows to " + rowCount);
        }
        for (FieldVector vector : vectors) {
            if (vector instanceof NullVector) {
                continue;
            }
            int end = Math.min(rows + 1, vector.getValueCapacity());
            for (int row = rowCount; row < end; row++) {
                BitVectorHelper.unsetBit(vector.getValidityBuffer(), row);
            }
            switch (vector) {
                case BaseVariableWidthVector variable -> variable.setLastSet(rowCount - 1);
                case ListVector list -> list.setLastSet(rowCount - 1);
                default -> {
                }
            }
        }
        rows = rowCount;
    }

    public int rowCount() {
        return rows;
    }

    /** The rows added so far as a dense chunk that owns its vectors; the builder starts over empty. */
    public Chunk build() {
        for (FieldVector vector : vectors) {
            vector.setValueCount(rows);
        }
        Chunk chunk = Chunk.of(vectors, rows);
        vectors = allocateVectors();
        rows = 0;
        return chunk;
    }

    private List<FieldVector> allocateVectors() {
        List<FieldVector> created = new ArrayList<>(types.size());
        try {
            for (int column = 0; column < types.size(); column++) {
                FieldVector vector = Vectors.allocate(names.get(column), types.get(column), INITIAL_ROWS, allocator);
                created.add(vector);
            }
            return created;
        } catch (RuntimeException e) {
            created.forEach(FieldVector::close);
            throw e;
        }
    }

    @Override
    public void close() {
        vectors.forEach(FieldVector::close);
    }
}
