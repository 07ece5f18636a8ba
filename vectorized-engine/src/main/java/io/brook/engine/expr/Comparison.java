package io.brook.engine.expr;

import io.brook.engine.expr.vector.Validity;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.expr.kernel.CompareKind;
import io.brook.engine.expr.kernel.Comparisons;
import io.brook.engine.expr.kernel.RangeMasks;
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
        RangeTest test = RangeTest.of(operator, kind, column, constant);
        if (test != null) {
            if (test.range() == null) {
                return 0;
            }
            ValueRange range = test.range();
            try (ColumnValue value = column.evaluate(chunk, context)) {
                return test.floating()
                        ? RangeSelection.doubles(value.vector(), column.type(), chunk, range.lowDouble(), range.highDouble(), range.inside(), out)
                        : RangeSelection.longs(value.vector(), test.storage(), chunk, range.low(), range.high(), range.inside(), out);
            }
        }
        if (kind == CompareKind.BYTES && (operator == ComparisonOperator.EQUALS || operator == ComparisonOperator.NOT_EQUALS)) {
            return selectBytesEqual(column, constant, operator == ComparisonOperator.EQUALS, chunk, context, out);
        }
        return Selections.whereTrue(this, chunk, context, out);
    }

    /** Comparisons with a constant write the mask straight from the range test; the rest select first. */
    @Override
    public void maskInto(Chunk chunk, QueryContext context, RowMask mask) {
        RangeTest test = null;
        Expression column = null;
        if (right instanceof Literal constant && !(left instanceof Literal)) {
            test = RangeTest.of(operator, kind, left, constant);
            column = left;
        } else if (left instanceof Literal constant && !(right instanceof Literal)) {
            test = RangeTest.of(operator.swapped(), kind, right, constant);
            column = right;
        }
        if (test == null) {
            Expression.super.maskInto(chunk, context, mask);
            return;
        }
        if (test.range() == null) {
            mask.setPositions(chunk.size(), new int[0], 0);
            return;
        }
        ValueRange range = test.range();
        try (ColumnValue value = column.evaluate(chunk, context)) {
            if (test.floating()) {
                RangeMasks.doubles(value.vector(), column.type(), chunk.size(), range.lowDouble(), range.highDouble(), range.inside(), mask);
            } else {
                RangeMasks.longs(value.vector(), test.storage(), chunk.size(), range.low(), range.high(), range.inside(), mask);
            }
        }
    }

    /**
     * {@code column op constant} restated as a range test over the column's storage, or null when
     * it is not one (strings, say). A null {@code range} means no row can match: a NULL constant,
     * or a bound beyond the type ({@code int_column > 1e300}).
     */
    private record RangeTest(Storage storage, boolean floating, ValueRange range) {
        static RangeTest of(ComparisonOperator operator, CompareKind kind, Expression column, Literal constant) {
            Storage storage = Storage.of(column.type());
            boolean integral = storage.isIntegral() || storage == Storage.BIT;
            boolean signedOrUnsigned = kind == CompareKind.SIGNED || kind == CompareKind.UNSIGNED;
            boolean floating = kind == CompareKind.DOUBLE && storage.isFloating();
            boolean integerAgainstDouble = kind == CompareKind.DOUBLE && integral && storage != Storage.UINT64;
            if (!(signedOrUnsigned && integral) && !integerAgainstDouble && !floating) {
                return constant.isNull() ? new RangeTest(storage, false, null) : null;
            }
            if (constant.isNull()) {
                return new RangeTest(storage, floating, null);
            }
            ValueRange range = signedOrUnsigned
                    ? ValueRange.forInteger(operator, constant.bits(), kind == CompareKind.UNSIGNED)
                    : floating ? ValueRange.forDouble(operator, constant.number())
                    : ValueRange.forIntegerAgainstDouble(operator, constant.number());
            return new RangeTest(storage, floating, range);
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
