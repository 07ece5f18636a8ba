package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.operator.SortKey;
import io.brook.engine.sql.ast.Identifier;
import io.brook.engine.sql.ast.IntegerLiteral;
import io.brook.engine.sql.ast.OrderItem;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.sql.ast.SelectExpression;
import io.brook.engine.sql.ast.SelectItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves ORDER BY entries to result columns: an ordinal, an output name or alias, or an
 * expression written in the select list; anything else is computed as a hidden column that the
 * plan drops after sorting. NULLs sort last unless the query says otherwise (as in ClickHouse).
 */
final class OrderKeys {
    private OrderKeys() {
    }

    /** One sort key: an output column index, or a hidden expression. */
    record Key(int outputIndex, Expression hidden, boolean descending, boolean nullsFirst) {
    }

    static List<Key> resolve(Select select, List<QueryPlanner.Output> outputs, ExpressionBinder binder,
                             boolean streaming) {
        if (select.orderBy().isEmpty()) {
            return List.of();
        }
        if (streaming) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "ORDER BY needs a bounded query: read table(stream) or add SETTINGS query_mode='table'");
        }
        List<Key> keys = new ArrayList<>();
        for (OrderItem item : select.orderBy()) {
            boolean nullsFirst = item.nulls() == OrderItem.NullsOrder.FIRST;
            int index = outputIndex(select, item.expression(), outputs);
            Expression hidden = index >= 0 ? null : binder.bind(item.expression());
            keys.add(new Key(index, hidden, item.descending(), nullsFirst));
        }
        return keys;
    }

    /** Sort keys over the projected chunk, where hidden expressions follow the visible columns. */
    static List<SortKey> sortKeys(List<Key> keys, int visible) {
        List<SortKey> sortKeys = new ArrayList<>();
        int nextHidden = visible;
        for (Key key : keys) {
            int column = key.hidden() == null ? key.outputIndex() : nextHidden++;
            sortKeys.add(new SortKey(column, key.descending(), key.nullsFirst()));
        }
        return sortKeys;
    }

    private static int outputIndex(Select select, io.brook.engine.sql.ast.Expression expression,
                                   List<QueryPlanner.Output> outputs) {
        if (expression instanceof IntegerLiteral ordinal) {
            int index = ordinal.value().intValueExact();
            if (index < 1 || index > outputs.size()) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                        "Position " + index + " is not in the select list (1.." + outputs.size() + ")");
            }
            return index - 1;
        }
        int itemIndex = 0;
        for (SelectItem item : select.items()) {
            if (item instanceof SelectExpression selected) {
                if (selected.expression().equals(expression)
                        || expression instanceof Identifier identifier && identifier.parts().size() == 1
                        && identifier.parts().getFirst().equals(selected.alias())) {
                    return outputPosition(select, itemIndex, outputs);
                }
            }
            itemIndex++;
        }
        return -1;
    }

    /** Output position of select item {@code itemIndex}; only simple when no {@code *} precedes it. */
    private static int outputPosition(Select select, int itemIndex, List<QueryPlanner.Output> outputs) {
        int starColumns = outputs.size() - select.items().size();
        boolean starBefore = false;
        for (int i = 0; i < itemIndex; i++) {
            starBefore |= !(select.items().get(i) instanceof SelectExpression);
        }
        return starBefore ? itemIndex + starColumns : itemIndex;
    }
}
