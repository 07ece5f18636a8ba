package io.brook.jdbc.convert;

import org.apache.arrow.vector.complex.ListVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads an array slot as a List, its elements through the element vector's own reader. */
final class ListReader implements ColumnReader {
    private final ListVector vector;
    private final ColumnReader elements;

    ListReader(ListVector vector, ColumnReader elements) {
        this.vector = vector;
        this.elements = elements;
    }

    @Override
    public Object read(int position) {
        if (vector.isNull(position)) {
            return null;
        }
        int start = vector.getElementStartIndex(position);
        int end = vector.getElementEndIndex(position);
        List<Object> values = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            values.add(elements.read(i));
        }
        return Collections.unmodifiableList(values);
    }
}
