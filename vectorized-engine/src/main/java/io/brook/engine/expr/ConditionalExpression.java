package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code multi_if(c1, v1, c2, v2, ..., else)}, also {@code if} and CASE. Short-circuits like
 * ClickHouse: each value is evaluated only on the rows that chose it, so
 * {@code if(x != 0, 1 / x, 0)} never divides by zero. Branch values already have the result type.
 */
public final class ConditionalExpression implements Expression {
    private final String name;
    private final List<Expression> conditions;
    private final List<Expression> values;
    private final Expression otherwise;
    private final BrookType type;

    public ConditionalExpression(String name, List<Expression> conditions, List<Expression> values,
                                 Expression otherwise, BrookType type) {
        this.name = name;
        this.conditions = List.copyOf(conditions);
        this.values = List.copyOf(values);
        this.otherwise = otherwise;
        this.type = type;
    }

    @Override
    public BrookType type() {
        return type;
    }

    @Override
    public List<Expression> children() {
        List<Expression> children = new ArrayList<>();
        for (int index = 0; index < conditions.size(); index++) {
            children.add(conditions.get(index));
            children.add(values.get(index));
        }
        children.add(otherwise);
        return children;
    }

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        int branchCount = conditions.size() + 1;
        ColumnValue[] results = new ColumnValue[branchCount];
        int[][] positions = new int[branchCount][];
        int[] counts = new int[branchCount];
        Chunk remaining = chunk.retain();
        try {
            int[] chosen = new int[chunk.size()];
            for (int branch = 0; branch < conditions.size() && !remaining.isEmpty(); branch++) {
                int count = conditions.get(branch).selectInto(remaining, context, chosen);
                if (count == 0) {
                    continue;
                }
                positions[branch] = PositionSets.prefix(chosen, count);
                counts[branch] = count;
                try (Chunk rows = remaining.withSelection(positions[branch], count)) {
                    results[branch] = values.get(branch).evaluate(rows, context);
                }
                int[] rest = PositionSets.without(remaining, chosen, count);
                Chunk next = remaining.withSelection(rest, rest.length);
                remaining.close();
                remaining = next;
            }
            if (!remaining.isEmpty()) {
                int last = branchCount - 1;
                positions[last] = remaining.selection() == null
                        ? identity(remaining.size()) : PositionSets.prefix(remaining.selection(), remaining.size());
                counts[last] = remaining.size();
                results[last] = otherwise.evaluate(remaining, context);
            }
            return ColumnValue.owned(BranchMerge.merge(type, chunk, vectors(results), positions, counts, context));
        } finally {
            remaining.close();
            closeAll(results);
        }
    }

    static FieldVector[] vectors(ColumnValue[] values) {
        FieldVector[] vectors = new FieldVector[values.length];
        for (int index = 0; index < values.length; index++) {
            vectors[index] = values[index] == null ? null : values[index].vector();
        }
        return vectors;
    }

    static void closeAll(ColumnValue[] values) {
        for (ColumnValue value : values) {
            if (value != null) {
                value.close();
            }
        }
    }

    static int[] identity(int count) {
        int[] positions = new int[count];
        for (int index = 0; index < count; index++) {
            positions[index] = index;
        }
        return positions;
    }

    @Override
    public String describe() {
        StringJoiner joiner = new StringJoiner(", ", name + "(", ")");
        for (Expression child : children()) {
            joiner.add(child.describe());
        }
        return joiner.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
