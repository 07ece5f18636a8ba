package io.brook.jdbc.convert;

import org.apache.arrow.vector.complex.MapVector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a map slot as a LinkedHashMap that keeps the stored entry order. */
final class MapReader implements ColumnReader {
    private final MapVector vector;
    private final ColumnReader keys;
    private final ColumnReader values;

    MapReader(MapVector vector, ColumnReader keys, ColumnReader values) {
        this.vector = vector;
        this.keys = keys;
        this.values = values;
    }

    @Override
    public Object read(int position) {
        if (vector.isNull(position)) {
            return null;
        }
        int start = vector.getElementStartIndex(position);
        int end = vector.getElementEndIndex(position);
        Map<Object, Object> entries = new LinkedHashMap<>();
        for (int i = start; i < end; i++) {
            entries.put(keys.read(i), values.read(i));
        }
        return Collections.unmodifiableMap(entries);
    }
}
