package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code INSERT INTO target [(cols)] VALUES (...), ...} or {@code INSERT INTO target [(cols)] SELECT ...}
 * (SPEC 1.3). Exactly one of {@code values} and {@code query} is non-null.
 *
 * @param columns  the target columns in the order written; empty means all declared columns
 * @param values   the rows of VALUES, each a list of expressions; {@code null} for INSERT SELECT
 * @param query    the SELECT; {@code null} for INSERT VALUES
 * @param settings SETTINGS written before VALUES/SELECT or after the VALUES rows (a SELECT keeps
 *                 its own trailing SETTINGS)
 */
public record Insert(QualifiedName target, List<String> columns, List<List<Expression>> values,
                     Query query, List<Setting> settings) implements Statement {
    public Insert {
        Objects.requireNonNull(target, "target");
        if ((values == null) == (query == null)) {
            throw new IllegalArgumentException("an INSERT has either VALUES or a query");
        }
        columns = List.copyOf(columns);
        values = values == null ? null : values.stream().map(List::copyOf).toList();
        settings = List.copyOf(settings);
    }
}
