package io.brook.engine.operator.sort;

import io.brook.engine.expr.kernel.Decimals;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * Compares two rows of one sort key, each row named by a reference {@code chunk << 32 | position}
 * into the materialised chunks. Values are read straight from the key vectors.
 */
final class SortColumn {
    private static final int VALUE = 0;
    private static final int NAN = 1;
    private static final int NULL = 2;

    private final BrookType type;
    private final Storage storage;
    private final boolean descending;
    private final boolean nullsFirst;
    private final List<FieldVector> vectors;

    SortColumn(BrookType type, SortKey key, List<FieldVector> vectors) {
        this.type = type;
        this.storage = Storage.of(type);
        this.descending = key.descending();
        this.nullsFirst = key.nullsFirst();
        this.vectors = vectors;
    }

    static int chunk(long reference) {
        return (int) (reference >>> 32);
    }

    static int position(long reference) {
        return (int) reference;
    }

    int compare(long left, long right) {
        FieldVector leftVector = vectors.get(chunk(left));
        FieldVector rightVector = vectors.get(chunk(right));
        int leftPosition = position(left);
        int rightPosition = position(right);
        int leftRank = rank(leftVector, leftPosition);
        int rightRank = rank(rightVector, rightPosition);
        if (leftRank != VALUE || rightRank != VALUE) {
            int order = Integer.compare(leftRank, rightRank);
            return nullsFirst ? -order : order;
        }
        int comparison = compareValues(leftVector, leftPosition, rightVector, rightPosition);
        return descending ? -comparison : comparison;
    }

    private int rank(FieldVector vector, int position) {
        if (Memory.bit(vector.getValidityBufferAddress(), position) == 0) {
            return NULL;
        }
        if (storage.isFloating() && Double.isNaN(readDouble(vector, position))) {
            return NAN;
        }
        return VALUE;
    }

    private int compareValues(FieldVector left, int leftPosition, FieldVector right, int rightPosition) {
        return switch (storage) {
            case FLOAT32, FLOAT64 -> Double.compare(readDouble(left, leftPosition), readDouble(right, rightPosition));
            case UINT64 -> Long.compareUnsigned(readLong(left, leftPosition), readLong(right, rightPosition));
            case VARIABLE -> compareStrings((BaseVariableWidthVector) left, leftPosition, (BaseVariableWidthVector) right, rightPosition);
            case FIXED_BYTES -> Memory.compareBytes(left.getDataBufferAddress() + (long) type.length() * leftPosition, type.length(),
                    right.getDataBufferAddress() + (long) type.length() * rightPosition, type.length());
            case DECIMAL128, DECIMAL256 -> Decimals.get(left, leftPosition, type).compareTo(Decimals.get(right, rightPosition, type));
            case LIST, MAP, STRUCT, NULL -> 0;
            default -> Long.compare(readLong(left, leftPosition), readLong(right, rightPosition));
        };
    }

    private long readLong(FieldVector vector, int position) {
        long address = vector.getDataBufferAddress();
        return switch (storage) {
            case INT8 -> Memory.getByte(address + position);
            case UINT8 -> Memory.getByte(address + position) & 0xFFL;
            case INT16 -> Memory.getShort(address + 2L * position);
            case UINT16 -> Memory.getShort(address + 2L * position) & 0xFFFFL;
            case INT32 -> Memory.getInt(address + 4L * position);
            case UINT32 -> Memory.getInt(address + 4L * position) & 0xFFFF_FFFFL;
            case BIT -> Memory.bit(address, position);
            default -> Memory.getLong(address + 8L * position);
        };
    }

    private double readDouble(FieldVector vector, int position) {
        long address = vector.getDataBufferAddress();
        return storage == Storage.FLOAT32 ? Memory.getFloat(address + 4L * position) : Memory.getDouble(address + 8L * position);
    }

    private static int compareStrings(BaseVariableWidthVector left, int leftPosition, BaseVariableWidthVector right, int rightPosition) {
        long leftOffsets = left.getOffsetBufferAddress() + 4L * leftPosition;
        long rightOffsets = right.getOffsetBufferAddress() + 4L * rightPosition;
        int leftStart = Memory.getInt(leftOffsets);
        int rightStart = Memory.getInt(rightOffsets);
        return Memory.compareBytes(left.getDataBufferAddress() + leftStart, Memory.getInt(leftOffsets + 4) - leftStart,
                right.getDataBufferAddress() + rightStart, Memory.getInt(rightOffsets + 4) - rightStart);
    }
}
