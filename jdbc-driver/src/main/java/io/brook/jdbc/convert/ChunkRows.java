package io.brook.jdbc.convert;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.types.BrookType;

import java.util.List;

/**
 * The live rows of one chunk as JDBC rows ({@code Object[]}, one value per column). Readers are
 * made once for the chunk; rows are taken in order through the chunk's selection, a few at a
 * time, so a frame can stop in the middle of a chunk and the next frame continue from there.
 */
public final class ChunkRows implements AutoCloseable {
    private final Chunk chunk;
    private final ColumnReader[] readers;
    private int nextRow;

    public ChunkRows(Chunk chunk, List<BrookType> types) {
        if (chunk.columnCount() != types.size()) {
            throw new IllegalArgumentException(
                    "Chunk has " + chunk.columnCount() + " columns, result has " + types.size());
        }
        this.chunk = chunk;
        this.readers = new ColumnReader[types.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = ColumnReaders.forVector(chunk.column(i), types.get(i));
        }
    }

    public int remaining() {
        return chunk.size() - nextRow;
    }

    /** Appends up to {@code limit} rows to {@code out}; returns how many were appended. */
    public int take(int limit, List<Object> out) {
        int count = Math.min(limit, remaining());
        int columns = readers.length;
        for (int i = 0; i < count; i++) {
            int position = chunk.position(nextRow + i);
            Object[] row = new Object[columns];
            for (int column = 0; column < columns; column++) {
                row[column] = readers[column].read(position);
            }
            out.add(row);
        }
        nextRow += count;
        return count;
    }

    @Override
    public void close() {
        chunk.close();
    }
}
