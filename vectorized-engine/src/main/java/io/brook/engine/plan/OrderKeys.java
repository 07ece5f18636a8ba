package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.operator.sort.SortKey;
import io.brook.engine.sql.ast.Identifier;
import io.brook.engine.sql.ast.IntegerLiteral;
import io.brook.engine.sql.ast.OrderItem;
import io.brook.engine.sql.ast.Select;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves ORDER BY entries to sort keys. An ordinal or a result-column name (alias) means that
 * result column; anything else is an expression over the query's columns. Without DISTINCT the
 * sort runs before the final projection, so keys are expressions over the pre-projection
 * columns; with DISTINCT it runs after, so keys must name result columns. NULLs sort last
 * unless the query says otherwise (as in ClickHouse).
 */
final class OrderKeys {
    private OrderKeys() {
    }

    /** Keys over the columns before the final projection; {@code outputs} are bound over them too. */
    static List<SortKey> beforeProjection(Select select, List<QueryPlanner.Output> outputs, ExpressionBinder binder) {
        List<SortKey> keys = new ArrayList<>();
        for (OrderItem item : select.orderBy()) {
            int output = outputIndex(item.expression(), outputs, binder.scope());
            Expression key = output >= 0 ? outputs.get(output).expression() : binder.bind(item.expression());
            keys.add(new SortKey(key, item.descending(), item.nulls() == OrderItem.NullsOrder.FIRST));
        }
        return keys;
    }

    /** Keys over the result columns themselves (after DISTINCT). */
    static List<SortKey> afterProjection(Select select, List<QueryPlanner.Output> outputs, Scope input) {
        List<SortKey> keys = new ArrayList<>();
        for (OrderItem item : select.orderBy()) {
            int output = outputIndex(item.expression(), outputs, input);
            if (output < 0) {
                output = sameExpression(item.expression(), outputs);
            }
            if (output < 0) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                        "With SELECT DISTINCT, ORDER BY expressions must appear in the select list");
            }
            QueryPlanner.Output column = outputs.get(output);
            keys.add(new SortKey(new ColumnReference(output, column.name(), column.expression().type()),
                    item.descending(), item.nulls() == OrderItem.NullsOrder.FIRST));
        }
        return keys;
    }

    static void requireBounded(Select select, boolean streaming) {
        if (streaming && !select.orderBy().isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "ORDER BY needs a bounded query: read table(stream) or add SETTINGS query_mode='table'");
        }
    }

    /** A 1-based ordinal, or a bare name that is a result column and not an input column. */
    private static int outputIndex(io.brook.engine.sql.ast.Expression expression, List<QueryPlanner.Output> outputs,
                                   Scope input) {
        if (expression instanceof IntegerLiteral ordinal) {
            int index = ordinal.value().intValueExact();
            if (index < 1 || index > outputs.size()) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                        "Position " + index + " is not in the select list (1.." + outputs.size() + ")");
            }
            return index - 1;
        }
        if (expression instanceof Identifier identifier && identifier.parts().size() == 1
                && input.find(identifier.parts()) < 0) {
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i).name().equals(identifier.parts().getFirst())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int sameExpression(io.brook.engine.sql.ast.Expression expression,
                                      List<QueryPlanner.Output> outputs) {
        String text = ColumnNames.of(expression);
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).name().equals(text)) {
                return i;
            }
        }
        return -1;
    }
}
