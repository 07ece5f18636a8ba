package io.brook.engine.statement;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.ExternalStreamEntry;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.ProjectOperator;
import io.brook.engine.plan.ExpressionBinder;
import io.brook.engine.plan.Parameters;
import io.brook.engine.plan.Scope;
import io.brook.engine.query.QueryContext;
import io.brook.engine.sql.SqlParser;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.stream.StreamTable;
import io.brook.engine.types.BrookType;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where INSERT and materialized views write: a stream (its stored columns, {@code _tp_time}
 * included) or an external stream (its declared columns). Builds the sink that turns the
 * writer's columns into the target's ({@link TargetColumns}) and writes each chunk.
 */
public final class WriteTarget {
    private final String name;
    private final StreamTable stream;
    private final ExternalStreamEntry external;
    private final List<Column> stored;
    private final List<Column> declared;

    private WriteTarget(String name, StreamTable stream, ExternalStreamEntry external, List<Column> stored,
                        List<Column> declared) {
        this.name = name;
        this.stream = stream;
        this.external = external;
        this.stored = stored;
        this.declared = declared;
    }

    /** The stream or external stream a statement names; a materialized view cannot be written to. */
    public static WriteTarget resolve(Catalog catalog, String name) {
        if (catalog.view(name) != null) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "Cannot write into materialized view " + name + ": only the view itself writes its results");
        }
        StreamTable stream = catalog.stream(name);
        if (stream != null) {
            return of(stream);
        }
        ExternalStreamEntry external = catalog.externalStream(name);
        if (external != null) {
            return external(name, external);
        }
        throw Catalog.unknownStream(name);
    }

    /**
     * An external stream as a target: its columns except virtual ones, in order, are what its sink
     * receives. A {@code _tp_time} among them is written like a stream's: named by the writer or
     * else the time of writing, and not counted among the columns VALUES fill by position.
     */
    private static WriteTarget external(String name, ExternalStreamEntry external) {
        List<String> virtual = external.stream().virtualColumns();
        List<Column> stored = external.stream().columns().stream()
                .filter(column -> !virtual.contains(column.name())).toList();
        List<Column> declared = stored.stream()
                .filter(column -> !column.name().equals(StreamSchema.TIME_COLUMN)).toList();
        return new WriteTarget(name, null, external, stored, declared);
    }

    /** A stream as a target, such as the stream a materialized view owns. */
    public static WriteTarget of(StreamTable stream) {
        return new WriteTarget(stream.name(), stream, null, stream.schema().stored(), stream.declaredColumns());
    }

    /** The value {@code _tp_time} gets when a writer gives none, read per chunk: for long-running writers. */
    public static Expression clock(FunctionRegistry functions) {
        return new ExpressionBinder(Scope.empty(), functions, Parameters.NONE)
                .bind(SqlParser.parseExpression("now64(3, 'UTC')"));
    }

    public String name() {
        return name;
    }

    /** The stream written to, or null for an external stream. */
    public StreamTable stream() {
        return stream;
    }

    /** The columns a writer may name (for a stream: declared ones and {@code _tp_time}). */
    public List<Column> storable() {
        return stored;
    }

    /** The columns a writer names by position, or {@code names} checked against the target. */
    public List<Column> supplied(List<String> names) {
        return TargetColumns.supplied(name, stored, declared, names);
    }

    /**
     * Expressions that make every stored column from the {@code supplied} ones; fails (and so
     * checks) when a supplied column cannot be converted to the target's type.
     */
    public List<Expression> projection(List<Column> supplied, List<BrookType> inputTypes, FunctionRegistry functions,
                                       Expression ingestTime) {
        return TargetColumns.projection(stored, supplied, inputTypes, functions, ingestTime);
    }

    /**
     * The operator that takes chunks of the {@code supplied} columns (of {@code inputTypes}) and
     * writes them: a projection to every stored column, then an append or an external write.
     * {@code ingestTime} is the value of an omitted {@code _tp_time}.
     */
    public Operator sink(List<Column> supplied, List<BrookType> inputTypes, FunctionRegistry functions,
                         Expression ingestTime, QueryContext context) {
        return sink(supplied, inputTypes, functions, ingestTime, context, opened -> {
        });
    }

    /** {@link #sink}, handing an external target's opened sink to {@code opened} (a view flushes it). */
    public Operator sink(List<Column> supplied, List<BrookType> inputTypes, FunctionRegistry functions,
                         Expression ingestTime, QueryContext context, Consumer<ExternalSink> opened) {
        List<Expression> projection = projection(supplied, inputTypes, functions, ingestTime);
        Operator write;
        if (stream != null) {
            write = new AppendOperator(stream, context);
        } else {
            ExternalSink sink = external.stream().openSink(context);
            opened.accept(sink);
            write = new ExternalWriteOperator(sink, context);
        }
        return new ProjectOperator.Factory(projection).create(context, write);
    }
}
