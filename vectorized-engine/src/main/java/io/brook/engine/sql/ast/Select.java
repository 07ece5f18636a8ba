package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code SELECT [DISTINCT] items [FROM relation] [WHERE ...] [GROUP BY ...] [HAVING ...]
 * [ORDER BY ...] [LIMIT ...] [EMIT ...] [SETTINGS ...]} (SPEC 1.4-1.8).
 *
 * @param from     the FROM relation, or {@code null} for {@code SELECT 1}
 * @param where    the WHERE condition, or {@code null}
 * @param groupBy  GROUP BY expressions; an integer literal is an ordinal the planner resolves
 * @param having   the HAVING condition, or {@code null}
 * @param limit    LIMIT's row count, or {@code null}
 * @param offset   rows skipped (OFFSET, or the m of {@code LIMIT m, n}), or {@code null}
 * @param emit     the EMIT policy, or {@code null} for the query kind's default
 * @param settings query-level SETTINGS, in the order written
 */
public record Select(boolean distinct, List<SelectItem> items, Relation from, Expression where,
                     List<Expression> groupBy, Expression having, List<OrderItem> orderBy,
                     Long limit, Long offset, Emit emit, List<Setting> settings) implements Query {
    public Select {
        items = List.copyOf(items);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        settings = List.copyOf(settings);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a SELECT has at least one item");
        }
    }

    /** This query with other settings; used where a statement owns the trailing SETTINGS. */
    public Select withSettings(List<Setting> newSettings) {
        return new Select(distinct, items, from, where, groupBy, having, orderBy, limit, offset, emit,
                Objects.requireNonNull(newSettings));
    }
}
