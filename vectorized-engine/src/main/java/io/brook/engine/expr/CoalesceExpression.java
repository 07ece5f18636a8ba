package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;

import java.util.List;
import java.util.StringJoiner;

/**
 * {@code coalesce(a, b, ...)} and {@code if_null(a, b)}: the first non-null argument. Each
 * argument is evaluated only on the rows all earlier arguments left null. Arguments already
 * have the result type (the registry casts them).
 */
public final class CoalesceExpression implements Expression {
    private final String name;
    private final List<Expression> arguments;
    private final BrookType type;

    public CoalesceExpression(String name, List<Expression> arguments, BrookType type) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.type = type;
    }

    @Override
    public BrookType type() {
        return type;
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        int count = arguments.size();
        ColumnValue[] results = new ColumnValue[count];
        int[][] positions = new int[count][];
        int[] counts = new int[count];
        Chunk remaining = chunk.retain();
        try {
            for (int index = 0; index < count && !remaining.isEmpty(); index++) {
                ColumnValue value = arguments.get(index).evaluate(remaining, context);
                results[index] = value;
                int[] taken = new int[remaining.size()];
                int[] nulls = new int[remaining.size()];
                int takenCount = 0;
                int nullCount = 0;
                long validity = value.vector().getValidityBufferAddress();
                boolean last = index == count - 1;
                for (int row = 0; row < remaining.size(); row++) {
                    int position = remaining.position(row);
                    if (last || Memory.bit(validity, position) != 0) {
                        taken[takenCount++] = position;
                    } else {
                        nulls[nullCount++] = position;
                    }
                }
                positions[index] = taken;
                counts[index] = takenCount;
                Chunk next = remaining.withSelection(nulls, nullCount);
                remaining.close();
                remaining = next;
            }
            return ColumnValue.owned(BranchMerge.merge(type, chunk, ConditionalExpression.vectors(results),
                    positions, counts, context));
        } finally {
            remaining.close();
            ConditionalExpression.closeAll(results);
        }
    }

    @Override
    public String describe() {
        StringJoiner joiner = new StringJoiner(", ", name + "(", ")");
        for (Expression argument : arguments) {
            joiner.add(argument.describe());
        }
        return joiner.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
