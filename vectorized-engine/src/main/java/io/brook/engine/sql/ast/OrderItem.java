package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code expr [ASC|DESC] [NULLS FIRST|LAST]} of ORDER BY. */
public record OrderItem(Expression expression, boolean descending, NullsOrder nulls) {
    public OrderItem {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** Where NULLs go; {@code DEFAULT} when the query did not say. */
    public enum NullsOrder { DEFAULT, FIRST, LAST }
}
