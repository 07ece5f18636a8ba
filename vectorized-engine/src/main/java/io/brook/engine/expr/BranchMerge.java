package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Assembles one result vector from several branch vectors, each valid at its own disjoint set of
 * positions (CASE branches, coalesce arguments). Every branch vector was evaluated at the same
 * physical positions, so position p of the result is position p of the branch that owns p.
 */
final class BranchMerge {
    private BranchMerge() {
    }

    static FieldVector merge(BrookType type, Chunk chunk, FieldVector[] branches, int[][] positions, int[] counts,
                             QueryContext context) {
        int physical = chunk.physicalRowCount();
        FieldVector output = Vectors.allocate(type, physical, context.allocator());
        try {
            Storage storage = Storage.of(type);
            switch (storage) {
                case VARIABLE -> mergeStrings((BaseVariableWidthVector) output, physical, branches, positions, counts);
                case LIST, MAP, STRUCT -> mergeNested(output, physical, branches, positions, counts);
                case NULL -> output.setValueCount(physical);
                default -> mergeFixed(output, storage, branches, positions, counts);
            }
            return output;
        } catch (RuntimeException e) {
            output.close();
            throw e;
        }
    }

    private static void mergeFixed(FieldVector output, Storage storage, FieldVector[] branches, int[][] positions, int[] counts) {
        int width = storage == Storage.FIXED_BYTES ? Vectors.type(output).length() : storage.width();
        long target = output.getDataBufferAddress();
        long targetValidity = output.getValidityBufferAddress();
        for (int branch = 0; branch < branches.length; branch++) {
            if (branches[branch] == null) {
                continue;
            }
            long source = branches[branch].getDataBufferAddress();
            long sourceValidity = branches[branch].getValidityBufferAddress();
            for (int index = 0; index < counts[branch]; index++) {
                int position = positions[branch][index];
                if (Memory.bit(sourceValidity, position) == 0) {
                    continue;
                }
                Memory.setBit(targetValidity, position);
                if (storage == Storage.BIT) {
                    if (Memory.bit(source, position) != 0) {
                        Memory.setBit(target, position);
                    }
                } else {
                    Memory.copy(source + (long) position * width, target + (long) position * width, width);
                }
            }
        }
    }

    /** Strings must be appended in position order, so first record which branch owns each position. */
    private static void mergeStrings(BaseVariableWidthVector output, int physical, FieldVector[] branches,
                                     int[][] positions, int[] counts) {
        int[] owner = owners(physical, branches, positions, counts);
        StringWriter writer = new StringWriter(output);
        for (int position = 0; position < physical; position++) {
            int branch = owner[position];
            if (branch < 0) {
                continue;
            }
            BaseVariableWidthVector source = (BaseVariableWidthVector) branches[branch];
            if (source.isNull(position)) {
                continue;
            }
            long offsets = source.getOffsetBufferAddress() + ((long) position << 2);
            int start = Memory.getInt(offsets);
            writer.write(position, source.getDataBufferAddress() + start, Memory.getInt(offsets + 4) - start);
            writer.setValid(position);
        }
        writer.finish(physical);
    }

    private static void mergeNested(FieldVector output, int physical, FieldVector[] branches, int[][] positions, int[] counts) {
        int[] owner = owners(physical, branches, positions, counts);
        for (int position = 0; position < physical; position++) {
            if (owner[position] >= 0 && !branches[owner[position]].isNull(position)) {
                output.copyFromSafe(position, position, branches[owner[position]]);
            }
        }
        output.setValueCount(physical);
    }

    private static int[] owners(int physical, FieldVector[] branches, int[][] positions, int[] counts) {
        int[] owner = new int[physical];
        java.util.Arrays.fill(owner, -1);
        for (int branch = 0; branch < branches.length; branch++) {
            if (branches[branch] == null) {
                continue;
            }
            for (int index = 0; index < counts[branch]; index++) {
                owner[positions[branch][index]] = branch;
            }
        }
        return owner;
    }
}
