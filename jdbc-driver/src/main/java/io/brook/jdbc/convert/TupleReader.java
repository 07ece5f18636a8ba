package io.brook.jdbc.convert;

import org.apache.arrow.vector.complex.StructVector;

import java.util.Arrays;
import java.util.Collections;

/** Reads a tuple slot as a List with one value per element, in declared order. */
final class TupleReader implements ColumnReader {
    private final StructVector vector;
    private final ColumnReader[] fields;

    TupleReader(StructVector vector, ColumnReader[] fields) {
        this.vector = vector;
        this.fields = fields;
    }

    @Override
    public Object read(int position) {
        if (vector.isNull(position)) {
            return null;
        }
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = fields[i].read(position);
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }
}
