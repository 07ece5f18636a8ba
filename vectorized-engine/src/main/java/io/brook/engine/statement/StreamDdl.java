package io.brook.engine.statement;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.plan.ColumnNames;
import io.brook.engine.plan.ExpressionBinder;
import io.brook.engine.plan.Parameters;
import io.brook.engine.plan.Scope;
import io.brook.engine.plan.SettingValues;
import io.brook.engine.sql.ast.ColumnDef;
import io.brook.engine.sql.ast.CreateStream;
import io.brook.engine.sql.ast.DropStream;
import io.brook.engine.sql.ast.QualifiedName;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.stream.StreamStore;
import io.brook.engine.stream.StreamTable;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CREATE STREAM and DROP STREAM (SPEC 1.1, 1.2). */
public final class StreamDdl {
    private final Catalog catalog;
    private final StreamStore store;
    private final FunctionRegistry functions;

    public StreamDdl(Catalog catalog, StreamStore store, FunctionRegistry functions) {
        this.catalog = catalog;
        this.store = store;
        this.functions = functions;
    }

    /**
     * Creates a stream; {@code replay} is true when the engine re-reads its catalog at start, so
     * the log already exists and the DDL is already persisted.
     */
    public void create(CreateStream create, String ddl, boolean replay) {
        String name = checkedName(create.name());
        if (create.ifNotExists() && catalog.exists(name)) {
            return;
        }
        List<Column> columns = columns(create.columns());
        Map<String, String> settings = SettingValues.of(create.settings());
        StreamSettings.validate(settings);
        StreamSchema schema = new StreamSchema(columns);
        catalog.addStream(name, ddl, !replay, () -> new StreamTable(name, schema, settings,
                replay ? store.open(name, StreamSettings.logSettings(settings))
                        : store.create(name, schema.arrowSchema(), StreamSettings.logSettings(settings))));
    }

    public void drop(DropStream drop) {
        String name = checkedName(drop.name());
        if (catalog.view(name) != null) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, name + " is a materialized view: use DROP VIEW " + name);
        }
        requireUnused(catalog, name);
        Object removed = catalog.remove(name);
        if (removed == null) {
            if (drop.ifExists()) {
                return;
            }
            throw Catalog.unknownStream(name);
        }
        if (removed instanceof StreamTable table) {
            table.close();
            store.delete(name);
        } else if (removed instanceof io.brook.engine.catalog.ExternalStreamEntry external) {
            external.stream().close();
        }
    }

    /** Fails when a materialized view reads or writes {@code name}: views go first. */
    public static void requireUnused(Catalog catalog, String name) {
        io.brook.engine.catalog.ViewEntry user = catalog.viewUsing(name);
        if (user != null && !user.name().equals(name)) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "Stream " + name + " is used by materialized view " + user.name() + ": drop the view first");
        }
    }

    /**
     * The stream a materialized view without INTO owns, of {@code columns} and no settings: its
     * log made now, or opened when {@code replay}. The view's catalog entry stands for it.
     */
    public StreamTable ownedStream(String name, List<Column> columns, boolean replay) {
        StreamSchema schema = new StreamSchema(columns);
        var logSettings = StreamSettings.logSettings(Map.of());
        return new StreamTable(name, schema, Map.of(), replay ? store.open(name, logSettings)
                : store.create(name, schema.arrowSchema(), logSettings));
    }

    /** Closes a stream a view owned and deletes its data. */
    public void deleteOwned(StreamTable stream) {
        stream.close();
        store.delete(stream.name());
    }

    public static String checkedName(QualifiedName name) {
        if (name.database() != null && !Catalog.DEFAULT_DATABASE.equals(name.database())) {
            throw new BrookException(ErrorCode.UNKNOWN_DATABASE, "Database " + name.database() + " doesn't exist");
        }
        return name.name();
    }

    /** Declared columns with types resolved and DEFAULT expressions checked against their type. */
    List<Column> columns(List<ColumnDef> definitions) {
        if (definitions.isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "A stream needs at least one column");
        }
        Set<String> names = new HashSet<>();
        List<Column> columns = new ArrayList<>();
        ExpressionBinder constants = new ExpressionBinder(Scope.empty(), functions, Parameters.NONE);
        for (ColumnDef definition : definitions) {
            if (StreamSchema.RESERVED.contains(definition.name())) {
                throw new BrookException(ErrorCode.ILLEGAL_COLUMN,
                        "Column name " + definition.name() + " is reserved");
            }
            if (!names.add(definition.name())) {
                throw new BrookException(ErrorCode.DUPLICATE_COLUMN, "Column " + definition.name() + " is declared twice");
            }
            BrookType type = TypeParser.parse(definition.type().toString());
            String defaultText = null;
            if (definition.defaultValue() != null) {
                Expression value = constants.bind(definition.defaultValue());
                functions.cast(value, type);
                defaultText = ColumnNames.text(definition.defaultValue());
            }
            columns.add(new Column(definition.name(), type, defaultText));
        }
        return columns;
    }
}
