package io.brook.engine.expr;

import io.brook.engine.expr.vector.Validity;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.kernel.CompareKind;
import io.brook.engine.expr.kernel.Comparisons;
import io.brook.engine.expr.kernel.RangeSelection;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * A comparison of two operands the registry has made comparable. Evaluation gives a bool column;
 * as a filter, a comparison with a constant becomes a range test fused with building the
 * selection vector ({@link RangeSelection}), and string equality with a constant a byte compare.
 */
public final class Comparison implements Expression {
    private final ComparisonOperator operator;
    private final Expression left;
    private final Expression right;
    private final CompareKind kind;
    private final FunctionCall call;

    public Comparison(ComparisonOperator operator, Expression left, Expression right, CompareKind kind) {
        this.operator = operator;
        this.left = left;
        this.right = right;
        this.kind = kind;
        BrookType type = BrookType.BOOL.withNullable(left.type().nullable() || right.type().nullable());
        this.call = FunctionCall.of(operator.functionName(), List.of(left, right), type, new Comparisons(operator, kind))
                .asOperator(operator.symbol());
    }

    public ComparisonOperator operator() {
        return operator;
    }

    public CompareKind kind() {
        return kind;
    }

    @Override
    public BrookType type() {
        return call.type();
    }

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        return call.evaluate(chunk, context);
    }

    @Override
    public String describe() {
        return call.describe();
    }

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public int selectInto(Chunk chunk, QueryContext context, int[] out) {
        if (right instanceof Literal constant && !(left instanceof Literal)) {
            return selectAgainst(operator, left, constant, chunk, context, out);
        }
        if (left instanceof Literal constant && !(right instanceof Literal)) {
            return selectAgainst(operator.swapped(), right, constant, chunk, context, out);
        }
        return Selections.whereTrue(this, chunk, context, out);
    }

    private int selectAgainst(ComparisonOperator operator, Expression column, Literal constant,
                              Chunk chunk, QueryContext context, int[] out) {
        if (constant.isNull()) {
            return 0;
        }
        Storage storage = Storage.of(column.type());
        boolean integral = storage.isIntegral() || storage == Storage.BIT;
        if ((kind == CompareKind.SIGNED || kind == CompareKind.UNSIGNED) && integral) {
            ValueRange range = ValueRange.forInteger(operator, constant.bits(), kind == CompareKind.UNSIGNED);
            return range == null ? 0 : selectLongs(column, storage, range, chunk, context, out);
        }
        if (kind == CompareKind.DOUBLE && integral && storage != Storage.UINT64) {
            ValueRange range = ValueRange.forIntegerAgainstDouble(operator, constant.number());
            return range == null ? 0 : selectLongs(column, storage, range, chunk, context, out);
        }
        if (kind == CompareKind.DOUBLE && storage.isFloating()) {
            ValueRange range = ValueRange.forDouble(operator, constant.number());
            if (range == null) {
                return 0;
            }
            try (ColumnValue value = column.evaluate(chunk, context)) {
                return RangeSelection.doubles(value.vector(), column.type(), chunk,
                        range.lowDouble(), range.highDouble(), range.inside(), out);
            }
        }
        if (kind == CompareKind.BYTES && (operator == ComparisonOperator.EQUALS || operator == ComparisonOperator.NOT_EQUALS)) {
            return selectBytesEqual(column, constant, operator == ComparisonOperator.EQUALS, chunk, context, out);
        }
        return Selections.whereTrue(this, chunk, context, out);
    }

    private static int selectLongs(Expression column, Storage storage, ValueRange range, Chunk chunk,
                                   QueryContext context, int[] out) {
        try (ColumnValue value = column.evaluate(chunk, context)) {
            return RangeSelection.longs(value.vector(), storage, chunk, range.low(), range.high(), range.inside(), out);
        }
    }

    private static int selectBytesEqual(Expression column, Literal constant, boolean wanted, Chunk chunk,
                                        QueryContext context, int[] out) {
        try (ColumnValue value = column.evaluate(chunk, context);
             StringColumn strings = StringColumn.of(Operand.of(value.vector(), column.type()), context.allocator());
             StringColumn expected = StringColumn.of(Operand.constant(constant), context.allocator())) {
            FieldVector vector = value.vector();
            boolean hasNulls = !Validity.hasNoNulls(vector);
            long validity = vector.getValidityBufferAddress();
            int found = 0;
            for (int row = 0; row < chunk.size(); row++) {
                int position = chunk.position(row);
                boolean matches = strings.equal(position, expected, 0) == wanted;
                out[found] = position;
                found += (matches ? 1 : 0) & (hasNulls ? Memory.bit(validity, position) : 1);
            }
            return found;
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
