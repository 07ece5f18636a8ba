package io.brook.engine.statement;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.expr.Expression;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.vector.BaseIntVector;

import java.util.List;

/**
 * An integer on its way into a narrower integer column. CAST wraps like ClickHouse, but an
 * INSERT must not silently store 200 as -56 in an int8 column: this passes the value through
 * unchanged after checking every live row fits the column's type, and fails the INSERT
 * (code 321) naming the value and the column otherwise.
 */
final class RangeCheckedInteger implements Expression {
    private final Expression value;
    private final BrookType target;
    private final String column;
    private final long minimum;
    private final long maximum;

    private RangeCheckedInteger(Expression value, BrookType target, String column, long minimum, long maximum) {
        this.value = value;
        this.target = target;
        this.column = column;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    /** {@code value} itself when every value of its type fits {@code target}, else a checking wrapper. */
    static Expression wrap(Expression value, BrookType target, String column) {
        TypeKind from = value.type().kind();
        TypeKind to = target.kind();
        if (!from.isInteger() || !to.isInteger() || to == TypeKind.UINT64 && from.isUnsigned()) {
            return value;
        }
        long minimum = switch (to) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            default -> 0;
        };
        long maximum = switch (to) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case UINT8 -> 255;
            case UINT16 -> 65_535;
            case UINT32 -> 4_294_967_295L;
            default -> Long.MAX_VALUE;
        };
        if (from == TypeKind.UINT64 && to == TypeKind.INT64) {
            minimum = 0; // a uint64 above 2^63 reads back as a negative long
        }
        return new RangeCheckedInteger(value, target, column, minimum, maximum);
    }

    @Override
    public BrookType type() {
        return value.type();
    }

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        ColumnValue result = value.evaluate(chunk, context);
        BaseIntVector vector = (BaseIntVector) result.vector();
        for (int row = 0; row < chunk.size(); row++) {
            int position = chunk.position(row);
            if (result.vector().isNull(position)) {
                continue;
            }
            long number = vector.getValueAsLong(position);
            if (number < minimum || number > maximum) {
                result.close();
                throw new BrookException(ErrorCode.VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE, "Value "
                        + (value.type().kind() == TypeKind.UINT64 ? Long.toUnsignedString(number) : number)
                        + " is out of range of " + target.base() + " (column " + column + ")");
            }
        }
        return result;
    }

    @Override
    public String describe() {
        return value.describe();
    }

    @Override
    public List<Expression> children() {
        return List.of(value);
    }
}
