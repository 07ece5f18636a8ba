package io.brook.engine.plan;

import io.brook.engine.sql.ast.Identifier;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.window.WindowSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A windowed aggregation always groups by its window: {@code window_start} and
 * {@code window_end} are added to GROUP BY when it lacks them, so a query may group by one and
 * select both (as Timeplus users do), or group by keys alone and still get one row per window and
 * key.
 */
final class WindowGrouping {
    private WindowGrouping() {
    }

    static Select withWindowKeys(Select select, ExpressionBinder binder, WindowSpec window) {
        boolean start = false;
        boolean end = false;
        for (io.brook.engine.sql.ast.Expression written : select.groupBy()) {
            io.brook.engine.sql.ast.Expression key = SelectItems.resolveReference(select, written, binder.scope());
            if (key instanceof Identifier identifier) {
                int index = binder.scope().find(identifier.parts());
                start |= index == window.startColumn();
                end |= index == window.endColumn();
            }
        }
        if (start && end) {
            return select;
        }
        List<io.brook.engine.sql.ast.Expression> groupBy = new ArrayList<>(select.groupBy());
        if (!start) {
            groupBy.add(Identifier.of(WindowSpec.WINDOW_START));
        }
        if (!end) {
            groupBy.add(Identifier.of(WindowSpec.WINDOW_END));
        }
        return new Select(select.distinct(), select.items(), select.from(), select.where(), groupBy, select.having(),
                select.orderBy(), select.limit(), select.offset(), select.emit(), select.settings());
    }
}
