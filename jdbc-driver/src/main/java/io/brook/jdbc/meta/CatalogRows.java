package io.brook.jdbc.meta;

import io.brook.engine.EngineMetadata;
import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.FunctionInfo;
import io.brook.engine.catalog.ObjectKind;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.JdbcMapping;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of the catalog-backed DatabaseMetaData results. Brook databases are JDBC schemas
 * ({@code default}, {@code system}); there are no catalogs, so TABLE_CAT is null and only a
 * null or empty catalog argument matches.
 */
final class CatalogRows {
    private CatalogRows() {
    }

    static List<Object> tables(EngineMetadata metadata, String catalog, String schemaPattern,
                               String tablePattern, List<String> types) {
        if (!noCatalog(catalog)) {
            return List.of();
        }
        LikePattern schemas = LikePattern.of(schemaPattern);
        LikePattern tables = LikePattern.of(tablePattern);
        List<CatalogObject> matching = new ArrayList<>();
        for (CatalogObject object : metadata.objects()) {
            String type = object.kind().jdbcTableType();
            if (schemas.matches(object.database()) && tables.matches(object.name())
                    && (types == null || types.contains(type))) {
                matching.add(object);
            }
        }
        // JDBC orders tables by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM and TABLE_NAME.
        matching.sort(Comparator.comparing((CatalogObject object) -> object.kind().jdbcTableType())
                .thenComparing(CatalogObject::database).thenComparing(CatalogObject::name));
        List<Object> rows = new ArrayList<>(matching.size());
        for (CatalogObject object : matching) {
            rows.add(new Object[] {null, object.database(), object.name(), object.kind().jdbcTableType(),
                    remarks(object.kind()), null, null, null, null, null});
        }
        return rows;
    }

    static List<Object> columns(EngineMetadata metadata, String catalog, String schemaPattern,
                                String tablePattern, String columnPattern) {
        if (!noCatalog(catalog)) {
            return List.of();
        }
        LikePattern schemas = LikePattern.of(schemaPattern);
        LikePattern tables = LikePattern.of(tablePattern);
        LikePattern columns = LikePattern.of(columnPattern);
        List<CatalogObject> matching = new ArrayList<>();
        for (CatalogObject object : metadata.objects()) {
            if (schemas.matches(object.database()) && tables.matches(object.name())) {
                matching.add(object);
            }
        }
        matching.sort(Comparator.comparing(CatalogObject::database).thenComparing(CatalogObject::name));
        List<Object> rows = new ArrayList<>();
        for (CatalogObject object : matching) {
            List<Column> objectColumns = object.columns();
            for (int i = 0; i < objectColumns.size(); i++) {
                Column column = objectColumns.get(i);
                if (columns.matches(column.name())) {
                    rows.add(columnRow(object, column, i + 1));
                }
            }
        }
        return rows;
    }

    private static Object[] columnRow(CatalogObject object, Column column, int ordinal) {
        BrookType type = column.type();
        boolean nullable = type.nullable();
        Integer radix = type.kind().isNumeric() ? 10 : null;
        Integer digits = type.kind().isNumeric() || type.kind().isTemporal() ? Signatures.scale(type) : null;
        Integer octets = type.kind().isStringLike() ? JdbcMapping.precision(type) : null;
        return new Object[] {null, object.database(), object.name(), column.name(), JdbcMapping.sqlType(type),
                type.toString(), JdbcMapping.precision(type), null, digits, radix,
                nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, null,
                column.defaultExpression(), null, null, octets, ordinal, nullable ? "YES" : "NO", null, null, null,
                null, "NO", "NO"};
    }

    static List<Object> schemas(EngineMetadata metadata, String catalog, String schemaPattern) {
        if (!noCatalog(catalog)) {
            return List.of();
        }
        LikePattern schemas = LikePattern.of(schemaPattern);
        Set<String> names = new TreeSet<>();
        for (String database : metadata.databases()) {
            if (schemas.matches(database)) {
                names.add(database);
            }
        }
        List<Object> rows = new ArrayList<>(names.size());
        for (String name : names) {
            rows.add(new Object[] {name, null});
        }
        return rows;
    }

    static List<Object> tableTypes() {
        Set<String> types = new TreeSet<>();
        for (ObjectKind kind : ObjectKind.values()) {
            types.add(kind.jdbcTableType());
        }
        List<Object> rows = new ArrayList<>(types.size());
        for (String type : types) {
            rows.add(new Object[] {type});
        }
        return rows;
    }

    /** Built-in functions belong to no database, so the schema argument does not narrow them. */
    static List<Object> functions(EngineMetadata metadata, String catalog, String functionPattern) {
        if (!noCatalog(catalog)) {
            return List.of();
        }
        LikePattern names = LikePattern.of(functionPattern);
        List<Object> rows = new ArrayList<>();
        for (FunctionInfo function : metadata.functions()) {
            if (names.matches(function.name())) {
                rows.add(new Object[] {null, null, function.name(), function.description(),
                        (short) DatabaseMetaData.functionNoTable, function.name()});
            }
        }
        return rows;
    }

    private static boolean noCatalog(String catalog) {
        return catalog == null || catalog.isEmpty();
    }

    private static String remarks(ObjectKind kind) {
        return switch (kind) {
            case STREAM -> "stream";
            case EXTERNAL_STREAM -> "external stream";
            case MATERIALIZED_VIEW -> "materialized view";
            case SYSTEM_TABLE -> "system table";
        };
    }
}
