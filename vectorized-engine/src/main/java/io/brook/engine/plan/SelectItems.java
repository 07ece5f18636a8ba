package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.sql.ast.Identifier;
import io.brook.engine.sql.ast.IntegerLiteral;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.sql.ast.SelectExpression;
import io.brook.engine.sql.ast.SelectItem;

/** Resolves GROUP BY and ORDER BY entries that refer to the select list by alias or ordinal. */
final class SelectItems {
    private SelectItems() {
    }

    /**
     * The expression an entry stands for: a 1-based ordinal picks a select item, a bare name
     * that is not an input column but is a select alias picks that item, anything else is itself.
     */
    static io.brook.engine.sql.ast.Expression resolveReference(Select select, io.brook.engine.sql.ast.Expression entry,
                                                               Scope input) {
        if (entry instanceof IntegerLiteral ordinal) {
            int index = ordinal.value().intValueExact();
            if (index < 1 || index > select.items().size()
                    || !(select.items().get(index - 1) instanceof SelectExpression item)) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                        "Position " + index + " is not in the select list (1.." + select.items().size() + ")");
            }
            return item.expression();
        }
        if (entry instanceof Identifier identifier && identifier.parts().size() == 1
                && input.find(identifier.parts()) < 0) {
            for (SelectItem item : select.items()) {
                if (item instanceof SelectExpression expression
                        && identifier.parts().getFirst().equals(expression.alias())) {
                    return expression.expression();
                }
            }
        }
        return entry;
    }
}
