package io.brook.engine.view;

import io.brook.engine.catalog.Column;
import io.brook.engine.plan.SystemTable;
import io.brook.engine.types.BrookType;

import java.util.List;

/**
 * {@code system.materialized_views}: each view's state (running, paused, error, recovering,
 * finished), target, how many rows of its source it has yet to read, rows read and written since
 * the engine opened, late rows its windows dropped, its last checkpoint's time and its last error (with Python's traceback when
 * Python raised it).
 */
final class ViewSystemTable implements SystemTable {
    private static final List<Column> COLUMNS = List.of(Column.of("name", BrookType.STRING),
            Column.of("state", BrookType.STRING), Column.of("target", BrookType.STRING),
            Column.of("source_lag", BrookType.INT64.withNullable(true)), Column.of("rows_in", BrookType.INT64),
            Column.of("rows_out", BrookType.INT64), Column.of("late_rows", BrookType.INT64),
            Column.of("last_checkpoint", BrookType.TP_TIME.withNullable(true)),
            Column.of("last_error", BrookType.STRING));

    private final MaterializedViews views;

    ViewSystemTable(MaterializedViews views) {
        this.views = views;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<List<Object>> rows() {
        return views.statusRows();
    }
}
