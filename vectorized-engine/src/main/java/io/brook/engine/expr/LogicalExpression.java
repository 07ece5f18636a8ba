package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.util.List;
import java.util.StringJoiner;

/**
 * n-ary AND / OR with SQL three-valued logic (false AND null is false, true OR null is true).
 * Short-circuits: each operand is evaluated only on rows the earlier ones left undecided, which
 * also keeps {@code x != 0 AND 1 / x > 1} from dividing by zero. As a filter, AND narrows the
 * selection operand by operand and OR unions the selections.
 */
public final class LogicalExpression implements Expression {
    private final boolean conjunction;
    private final List<Expression> operands;
    private final BrookType type;

    private LogicalExpression(boolean conjunction, List<Expression> operands) {
        this.conjunction = conjunction;
        this.operands = List.copyOf(operands);
        boolean nullable = operands.stream().anyMatch(operand -> operand.type().nullable());
        this.type = BrookType.BOOL.withNullable(nullable);
    }

    public static LogicalExpression and(List<Expression> operands) {
        return new LogicalExpression(true, operands);
    }

    public static LogicalExpression or(List<Expression> operands) {
        return new LogicalExpression(false, operands);
    }

    public boolean isConjunction() {
        return conjunction;
    }

    @Override
    public BrookType type() {
        return type;
    }

    @Override
    public List<Expression> children() {
        return operands;
    }

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        int physical = chunk.physicalRowCount();
        FieldVector result = Vectors.allocate(describe(), type, physical, context.allocator());
        Chunk undecided = chunk.retain();
        try {
            try (ColumnValue first = operands.getFirst().evaluate(chunk, context)) {
                Memory.copy(first.vector().getValidityBufferAddress(), result.getValidityBufferAddress(), Validity.bytes(physical));
                Memory.copy(first.vector().getDataBufferAddress(), result.getDataBufferAddress(), Validity.bytes(physical));
            }
            for (int index = 1; index < operands.size(); index++) {
                int[] open = undecidedPositions(result, undecided);
                if (open.length == 0) {
                    break;
                }
                Chunk next = open.length == undecided.size() ? undecided.retain() : undecided.withSelection(open, open.length);
                undecided.close();
                undecided = next;
                try (ColumnValue value = operands.get(index).evaluate(undecided, context)) {
                    combine(result, value.vector(), undecided);
                }
            }
            if (!type.nullable()) {
                Validity.setAll(result, physical);
            }
            return ColumnValue.owned(result);
        } catch (RuntimeException e) {
            result.close();
            throw e;
        } finally {
            undecided.close();
        }
    }

    /** Rows whose result could still change: not yet false (AND) or not yet true (OR). */
    private int[] undecidedPositions(FieldVector result, Chunk rows) {
        long validity = result.getValidityBufferAddress();
        long data = result.getDataBufferAddress();
        int decidingValue = conjunction ? 0 : 1;
        int[] open = new int[rows.size()];
        int found = 0;
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            boolean decided = Memory.bit(validity, position) == 1 && Memory.bit(data, position) == decidingValue;
            open[found] = position;
            found += decided ? 0 : 1;
        }
        return found == open.length ? open : java.util.Arrays.copyOf(open, found);
    }

    private void combine(FieldVector result, FieldVector operand, Chunk rows) {
        long resultValidity = result.getValidityBufferAddress();
        long resultData = result.getDataBufferAddress();
        long operandValidity = operand.getValidityBufferAddress();
        long operandData = operand.getDataBufferAddress();
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            int leftValid = Memory.bit(resultValidity, position);
            int leftValue = Memory.bit(resultData, position);
            int rightValid = Memory.bit(operandValidity, position);
            int rightValue = Memory.bit(operandData, position);
            int isTrue;
            int isFalse;
            if (conjunction) {
                isTrue = leftValid & leftValue & rightValid & rightValue;
                isFalse = (leftValid & (leftValue ^ 1)) | (rightValid & (rightValue ^ 1));
            } else {
                isTrue = (leftValid & leftValue) | (rightValid & rightValue);
                isFalse = leftValid & (leftValue ^ 1) & rightValid & (rightValue ^ 1);
            }
            set(resultValidity, position, isTrue | isFalse);
            set(resultData, position, isTrue);
        }
    }

    private static void set(long bitmap, int position, int bit) {
        if (bit != 0) {
            Memory.setBit(bitmap, position);
        } else {
            Memory.clearBit(bitmap, position);
        }
    }

    @Override
    public int selectInto(Chunk chunk, QueryContext context, int[] out) {
        return conjunction ? selectAll(chunk, context, out) : selectAny(chunk, context, out);
    }

    private int selectAll(Chunk chunk, QueryContext context, int[] out) {
        int count = operands.getFirst().selectInto(chunk, context, out);
        for (int index = 1; index < operands.size() && count > 0; index++) {
            int[] positions = PositionSets.prefix(out, count);
            try (Chunk rows = chunk.withSelection(positions, count)) {
                count = operands.get(index).selectInto(rows, context, out);
            }
        }
        return count;
    }

    private int selectAny(Chunk chunk, QueryContext context, int[] out) {
        int count = operands.getFirst().selectInto(chunk, context, out);
        int[] found = new int[chunk.size()];
        for (int index = 1; index < operands.size() && count < chunk.size(); index++) {
            int[] rest = PositionSets.without(chunk, out, count);
            int more;
            try (Chunk rows = chunk.withSelection(rest, rest.length)) {
                more = operands.get(index).selectInto(rows, context, found);
            }
            count = PositionSets.union(out, count, found, more, out);
        }
        return count;
    }

    @Override
    public String describe() {
        StringJoiner joiner = new StringJoiner(conjunction ? " AND " : " OR ");
        for (Expression operand : operands) {
            String text = operand.describe();
            joiner.add(operand instanceof LogicalExpression ? "(" + text + ")" : text);
        }
        return joiner.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
