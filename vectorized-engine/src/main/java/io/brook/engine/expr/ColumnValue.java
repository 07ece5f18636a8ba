package io.brook.engine.expr;

import org.apache.arrow.vector.FieldVector;

/**
 * The result of evaluating an expression over a chunk. A column reference returns the chunk's
 * own vector, not owned; a computed value is owned by the caller, who closes it or hands it to a
 * chunk through {@code Chunk.withColumns}.
 */
public record ColumnValue(FieldVector vector, boolean owned) implements AutoCloseable {

    public static ColumnValue owned(FieldVector vector) {
        return new ColumnValue(vector, true);
    }

    public static ColumnValue borrowed(FieldVector vector) {
        return new ColumnValue(vector, false);
    }

    /** Closes the vector if this value owns it. */
    @Override
    public void close() {
        if (owned) {
            vector.close();
        }
    }
}
