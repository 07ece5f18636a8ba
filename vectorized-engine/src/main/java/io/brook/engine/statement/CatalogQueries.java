package io.brook.engine.statement;

import io.brook.engine.EngineMetadata;
import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.FunctionInfo;
import io.brook.engine.catalog.ObjectKind;
import io.brook.engine.sql.ast.QualifiedName;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.types.BrookType;

import java.util.ArrayList;
import java.util.List;

/** The rows of SHOW STREAMS, SHOW DATABASES, SHOW FUNCTIONS and DESCRIBE. */
public final class CatalogQueries {
    public static final List<Column> SHOW_STREAMS = List.of(Column.of("name", BrookType.STRING));
    public static final List<Column> SHOW_DATABASES = List.of(Column.of("name", BrookType.STRING));
    public static final List<Column> SHOW_FUNCTIONS = List.of(Column.of("name", BrookType.STRING),
            Column.of("is_aggregate", BrookType.BOOL), Column.of("origin", BrookType.STRING));
    public static final List<Column> DESCRIBE = List.of(Column.of("name", BrookType.STRING),
            Column.of("type", BrookType.STRING), Column.of("default_type", BrookType.STRING),
            Column.of("default_expression", BrookType.STRING), Column.of("comment", BrookType.STRING));

    private final EngineMetadata metadata;

    public CatalogQueries(EngineMetadata metadata) {
        this.metadata = metadata;
    }

    public List<List<Object>> showStreams() {
        List<List<Object>> rows = new ArrayList<>();
        for (CatalogObject object : metadata.objects()) {
            if (object.kind() != ObjectKind.SYSTEM_TABLE && object.database().equals(Catalog.DEFAULT_DATABASE)) {
                rows.add(List.of(object.name()));
            }
        }
        return rows;
    }

    public List<List<Object>> showDatabases() {
        List<List<Object>> rows = new ArrayList<>();
        for (String database : metadata.databases()) {
            rows.add(List.of(database));
        }
        return rows;
    }

    public List<List<Object>> showFunctions() {
        List<List<Object>> rows = new ArrayList<>();
        for (FunctionInfo function : metadata.functions()) {
            rows.add(List.of(function.name(), function.aggregate(), function.userDefined() ? "user" : "builtin"));
        }
        return rows;
    }

    public List<List<Object>> describe(QualifiedName name) {
        String database = name.database() == null ? Catalog.DEFAULT_DATABASE : name.database();
        for (CatalogObject object : metadata.objects()) {
            if (object.database().equals(database) && object.name().equals(name.name())) {
                List<List<Object>> rows = new ArrayList<>();
                for (Column column : object.columns()) {
                    rows.add(describeRow(object, column));
                }
                return rows;
            }
        }
        throw Catalog.unknownStream(name.name());
    }

    private static List<Object> describeRow(CatalogObject object, Column column) {
        String defaultType = "";
        String defaultExpression = "";
        if (column.defaultExpression() != null) {
            defaultType = "DEFAULT";
            defaultExpression = column.defaultExpression();
        } else if (object.kind() == ObjectKind.STREAM && column.name().equals(StreamSchema.TIME_COLUMN)) {
            defaultType = "DEFAULT";
            defaultExpression = "now64(3, 'UTC')";
        }
        return List.of(column.name(), column.type().toString(), defaultType, defaultExpression, "");
    }
}
