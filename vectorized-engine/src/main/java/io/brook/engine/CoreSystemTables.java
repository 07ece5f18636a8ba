package io.brook.engine;

import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.FunctionInfo;
import io.brook.engine.plan.SystemTable;
import io.brook.engine.plan.SystemTables;
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
        tables.register("databases", table(List.of(Column.of("name", BrookType.STRING)), () -> {
            List<List<Object>> rows = new ArrayList<>();
            metadata.databases().forEach(name -> rows.add(List.of(name)));
            return rows;
        }));
        tables.register("functions", table(List.of(Column.of("name", BrookType.STRING),
                Column.of("is_aggregate", BrookType.BOOL), Column.of("origin", BrookType.STRING)), () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (FunctionInfo function : metadata.functions()) {
                rows.add(List.of(function.name(), function.aggregate(), function.userDefined() ? "user" : "builtin"));
            }
            return rows;
        }));
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
