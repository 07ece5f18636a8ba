package io.brook.engine;

import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.Column;
import io.brook.engine.plan.SystemTable;
import io.brook.engine.plan.SystemTables;
import io.brook.engine.statement.CatalogQueries;
import io.brook.engine.types.BrookType;

import java.util.ArrayList;
import java.util.List;

/** The system tables every engine has: {@code system.streams}, {@code databases}, {@code functions}. */
final class CoreSystemTables {
    private CoreSystemTables() {
    }

    static void register(SystemTables tables, EngineMetadata metadata) {
        tables.register("streams", table(List.of(Column.of("database", BrookType.STRING),
                Column.of("name", BrookType.STRING), Column.of("kind", BrookType.STRING),
                Column.of("columns", BrookType.INT64)), () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (CatalogObject object : metadata.objects()) {
                rows.add(List.of(object.database(), object.name(), object.kind().name().toLowerCase(),
                        (long) object.columns().size()));
            }
            return rows;
        }));
        CatalogQueries queries = new CatalogQueries(metadata);
        tables.register("databases", table(CatalogQueries.SHOW_DATABASES, queries::showDatabases));
        tables.register("functions", table(CatalogQueries.SHOW_FUNCTIONS, queries::showFunctions));
    }

    private static SystemTable table(List<Column> columns, java.util.function.Supplier<List<List<Object>>> rows) {
        return new SystemTable() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public List<List<Object>> rows() {
                return rows.get();
            }
        };
    }
}
