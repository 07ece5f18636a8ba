package io.brook.engine.operator.sort;

import io.brook.engine.expr.Expression;

/**
 * One ORDER BY term. NULLs (and float NaN, just inside them) sort last unless {@code nullsFirst};
 * the direction does not move them, as in ClickHouse.
 */
public record SortKey(Expression expression, boolean descending, boolean nullsFirst) {

    public static SortKey ascending(Expression expression) {
        return new SortKey(expression, false, false);
    }

    public static SortKey descending(Expression expression) {
        return new SortKey(expression, true, false);
    }

    public String describe() {
        return expression.describe() + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : "");
    }
}
