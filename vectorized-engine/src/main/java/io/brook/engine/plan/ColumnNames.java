package io.brook.engine.plan;

import io.brook.engine.sql.SqlFormatter;
import io.brook.engine.sql.ast.Expression;
import io.brook.engine.sql.ast.Identifier;

/**
 * The name a result column gets when the query gives no alias: a bare column keeps its own
 * name; any other expression is named by its SQL text, e.g. {@code count()} or
 * {@code sum(value)}, the way Timeplus names them.
 */
public final class ColumnNames {
    private ColumnNames() {
    }

    public static String of(Expression expression) {
        if (expression instanceof Identifier identifier) {
            return identifier.parts().getLast();
        }
        return SqlFormatter.format(expression);
    }

    public static String text(Expression expression) {
        return SqlFormatter.format(expression);
    }
}
