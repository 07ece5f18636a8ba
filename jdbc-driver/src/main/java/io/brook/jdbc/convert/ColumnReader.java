package io.brook.jdbc.convert;

/**
 * Reads the value at one physical position of one Arrow vector as the plain Java value a JDBC
 * row carries (see {@link ColumnReaders} for which class each Brook type becomes). A reader is
 * made once per vector, so the per-row loop makes no decision about types.
 */
@FunctionalInterface
public interface ColumnReader {

    /** The value at {@code position}, or null when the slot is null. */
    Object read(int position);
}
