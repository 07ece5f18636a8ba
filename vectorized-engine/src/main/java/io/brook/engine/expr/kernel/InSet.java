package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;

/**
 * {@code x IN (constants)} and {@code NOT IN}: the constants, already converted to x's type,
 * sorted once; each row is a binary search. Longs cover integers, dates, datetimes and bool;
 * doubles cover floats (NaN is in no set); bytes cover strings and uuids.
 */
public final class InSet implements ScalarKernel {
    private final long[] longs;
    private final double[] doubles;
    private final byte[][] strings;
    private final boolean negated;

    private InSet(long[] longs, double[] doubles, byte[][] strings, boolean negated) {
        this.longs = longs;
        this.doubles = doubles;
        this.strings = strings;
        this.negated = negated;
    }

    /** Integers, dates, datetimes and bool by their stored long (only equality matters). */
    public static InSet ofLongs(long[] values, boolean negated) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new InSet(sorted, null, null, negated);
    }

    public static InSet ofDoubles(double[] values, boolean negated) {
        double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).map(value -> value + 0.0).toArray();
        Arrays.sort(sorted);
        return new InSet(null, sorted, null, negated);
    }

    public static InSet ofBytes(byte[][] values, boolean negated) {
        byte[][] sorted = values.clone();
        Arrays.sort(sorted, Arrays::compareUnsigned);
        return new InSet(null, null, sorted, negated);
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        boolean[] results = Scratch.current().booleans(0, count);
        if (longs != null) {
            long[] values = Scratch.current().longs(0, count);
            operands[0].longs(rows, values);
            for (int row = 0; row < count; row++) {
                results[row] = Arrays.binarySearch(longs, values[row]) >= 0 != negated;
            }
        } else if (doubles != null) {
            double[] values = Scratch.current().doubles(0, count);
            operands[0].doubles(rows, values);
            for (int row = 0; row < count; row++) {
                results[row] = Arrays.binarySearch(doubles, values[row] + 0.0) >= 0 != negated;
            }
        } else {
            try (StringColumn column = StringColumn.of(operands[0], context.allocator())) {
                for (int row = 0; row < count; row++) {
                    int position = rows.position(row);
                    results[row] = containsBytes(column.address(position), column.length(position)) != negated;
                }
            }
        }
        Scatter.booleans(results, rows.selection(), count, output);
    }

    private boolean containsBytes(long address, int length) {
        int low = 0;
        int high = strings.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int comparison = compare(address, length, strings[middle]);
            if (comparison == 0) {
                return true;
            }
            if (comparison < 0) {
                high = middle - 1;
            } else {
                low = middle + 1;
            }
        }
        return false;
    }

    private static int compare(long address, int length, byte[] bytes) {
        int common = Math.min(length, bytes.length);
        for (int index = 0; index < common; index++) {
            int difference = (Memory.getByte(address + index) & 0xFF) - (bytes[index] & 0xFF);
            if (difference != 0) {
                return difference;
            }
        }
        return Integer.compare(length, bytes.length);
    }
}
