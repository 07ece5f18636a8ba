package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Materialises a chunk's selection into dense vectors (what storage and IPC writers need). A
 * dense chunk is returned as is; otherwise each column is gathered with a loop per storage, and
 * nested columns through Arrow's copy.
 */
public final class ChunkCompactor {
    private ChunkCompactor() {
    }

    /** A dense chunk with the live rows; owned by the caller (the input itself, retained, when already dense). */
    public static Chunk compact(Chunk chunk, BufferAllocator allocator) {
        if (chunk.isDense() && chunk.size() == chunk.physicalRowCount()) {
            return chunk.retain();
        }
        int[] positions = new int[chunk.size()];
        for (int row = 0; row < positions.length; row++) {
            positions[row] = chunk.position(row);
        }
        List<FieldVector> columns = new ArrayList<>(chunk.columnCount());
        try {
            for (int column = 0; column < chunk.columnCount(); column++) {
                columns.add(gather(chunk.column(column), positions, positions.length, allocator));
            }
        } catch (RuntimeException e) {
            columns.forEach(FieldVector::close);
            throw e;
        }
        return Chunk.of(columns, positions.length);
    }

    public static Chunk compact(Chunk chunk, QueryContext context) {
        try {
            return compact(chunk, context.allocator());
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    /** A new vector (same field) holding {@code source}'s values at {@code positions[0..count)}. */
    public static FieldVector gather(FieldVector source, int[] positions, int count, BufferAllocator allocator) {
        BrookType type = ArrowMapping.type(source.getField());
        FieldVector target = Vectors.allocate(source.getName(), type, count, allocator);
        try {
            Storage storage = Storage.of(type);
            switch (storage) {
                case VARIABLE -> gatherStrings((BaseVariableWidthVector) source, (BaseVariableWidthVector) target, positions, count);
                case LIST, MAP, STRUCT -> {
                    for (int row = 0; row < count; row++) {
                        target.copyFromSafe(positions[row], row, source);
                    }
                    target.setValueCount(count);
                }
                case NULL -> target.setValueCount(count);
                default -> gatherFixed(source, target, storage == Storage.FIXED_BYTES ? type.length() : storage.width(),
                        storage == Storage.BIT, positions, count);
            }
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private static void gatherFixed(FieldVector source, FieldVector target, int width, boolean bits, int[] positions, int count) {
        long from = source.getDataBufferAddress();
        long to = target.getDataBufferAddress();
        long fromValidity = source.getValidityBufferAddress();
        long toValidity = target.getValidityBufferAddress();
        for (int row = 0; row < count; row++) {
            int position = positions[row];
            if (Memory.bit(fromValidity, position) != 0) {
                Memory.setBit(toValidity, row);
            }
            if (bits) {
                if (Memory.bit(from, position) != 0) {
                    Memory.setBit(to, row);
                }
                continue;
            }
            switch (width) {
                case 8 -> Memory.putLong(to + 8L * row, Memory.getLong(from + 8L * position));
                case 4 -> Memory.putInt(to + 4L * row, Memory.getInt(from + 4L * position));
                case 2 -> Memory.putShort(to + 2L * row, Memory.getShort(from + 2L * position));
                case 1 -> Memory.putByte(to + row, Memory.getByte(from + position));
                default -> Memory.copy(from + (long) width * position, to + (long) width * row, width);
            }
        }
        target.setValueCount(count);
    }

    private static void gatherStrings(BaseVariableWidthVector source, BaseVariableWidthVector target, int[] positions, int count) {
        StringWriter writer = new StringWriter(target);
        long offsets = source.getOffsetBufferAddress();
        long data = source.getDataBufferAddress();
        long validity = source.getValidityBufferAddress();
        for (int row = 0; row < count; row++) {
            int position = positions[row];
            int start = Memory.getInt(offsets + 4L * position);
            int end = Memory.getInt(offsets + 4L * position + 4);
            writer.write(row, data + start, end - start);
            if (Memory.bit(validity, position) != 0) {
                writer.setValid(row);
            }
        }
        writer.finish(count);
    }
}
