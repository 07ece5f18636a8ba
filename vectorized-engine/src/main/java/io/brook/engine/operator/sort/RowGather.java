package io.brook.engine.operator.sort;

import io.brook.engine.chunk.Chunk;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/** Copies rows named by references ({@code chunk << 32 | position}) from several chunks into one dense chunk. */
final class RowGather {
    private RowGather() {
    }

    static Chunk gather(List<Chunk> chunks, long[] references, int from, int count, BufferAllocator allocator) {
        Chunk first = chunks.getFirst();
        List<FieldVector> columns = new ArrayList<>(first.columnCount());
        try {
            for (int column = 0; column < first.columnCount(); column++) {
                FieldVector target = first.column(column).getField().createVector(allocator);
                columns.add(target);
                target.setInitialCapacity(Math.max(1, count));
                target.allocateNew();
                for (int row = 0; row < count; row++) {
                    long reference = references[from + row];
                    FieldVector source = chunks.get(SortColumn.chunk(reference)).column(column);
                    target.copyFromSafe(SortColumn.position(reference), row, source);
                }
                target.setValueCount(count);
            }
        } catch (RuntimeException e) {
            columns.forEach(FieldVector::close);
            throw e;
        }
        return Chunk.of(columns, count);
    }
}
