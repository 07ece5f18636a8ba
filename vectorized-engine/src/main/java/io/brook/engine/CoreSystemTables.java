package io.brook.engine;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.ExternalStreamEntry;
import io.brook.engine.plan.SystemTable;
import io.brook.engine.plan.SystemTables;
import io.brook.engine.statement.CatalogQueries;
import io.brook.engine.types.BrookType;

import java.util.ArrayList;
import java.util.List;

/**
 * The system tables every engine has: {@code system.streams}, {@code databases}, {@code functions}
 * and {@code external_streams}.
 */
final class CoreSystemTables {
    private CoreSystemTables() {
    }

    static void register(SystemTables tables, EngineMetadata metadata, Catalog catalog) {
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
        tables.register("external_streams", table(List.of(Column.of("name", BrookType.STRING),
                Column.of("type", BrookType.STRING), Column.of("skipped_messages", BrookType.INT64)), () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (ExternalStreamEntry entry : catalog.externalStreams()) {
                rows.add(List.of(entry.name(), entry.definition().settings().getOrDefault("type", ""),
                        entry.stream().skippedMessages()));
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
