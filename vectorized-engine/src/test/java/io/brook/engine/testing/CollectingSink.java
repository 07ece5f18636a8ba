package io.brook.engine.testing;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.operator.Operator;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/** The end of a test pipeline: keeps every output row as Java values, plus what happened to it. */
public final class CollectingSink implements Operator {
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<Integer> chunkSizes = new ArrayList<>();
    private boolean finished;
    private boolean closed;
    private int ticks;
    private Chunk lastChunk;
    private FieldVector[] lastColumns = new FieldVector[0];

    @Override
    public void push(Chunk chunk) {
        if (finished || closed) {
            throw new AssertionError("push after finish or close");
        }
        chunkSizes.add(chunk.size());
        lastChunk = chunk;
        lastColumns = new FieldVector[chunk.columnCount()];
        for (int column = 0; column < lastColumns.length; column++) {
            lastColumns[column] = chunk.column(column);
        }
        for (int row = 0; row < chunk.size(); row++) {
            List<Object> values = new ArrayList<>(chunk.columnCount());
            for (int column = 0; column < chunk.columnCount(); column++) {
                values.add(VectorReader.value(chunk.column(column), chunk.position(row)));
            }
            rows.add(values);
        }
    }

    @Override
    public void finish() {
        finished = true;
    }

    @Override
    public void tick(long nowMillis) {
        ticks++;
    }

    @Override
    public void close() {
        closed = true;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    /** Rows collected so far, then forgotten (to look at one emit at a time). */
    public List<List<Object>> take() {
        List<List<Object>> taken = new ArrayList<>(rows);
        rows.clear();
        return taken;
    }

    public List<Integer> chunkSizes() {
        return chunkSizes;
    }

    public boolean isFinished() {
        return finished;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The last chunk pushed, for identity checks only (it was borrowed and may be closed). */
    public Chunk lastChunk() {
        return lastChunk;
    }

    /** A column vector of the last chunk pushed, for identity checks. */
    public FieldVector lastColumn(int index) {
        return lastColumns[index];
    }

    public int ticks() {
        return ticks;
    }
}
