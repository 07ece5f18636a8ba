package io.brook.engine.statement;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.plan.ExpressionBinder;
import io.brook.engine.plan.Parameters;
import io.brook.engine.plan.Scope;
import io.brook.engine.sql.SqlParser;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.types.BrookType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How the columns an INSERT supplies become the columns a target stores (SPEC 1.3): supplied
 * columns are cast to the target's types, the rest get their DEFAULT or the type's zero value,
 * and {@code _tp_time} gets the ingest time unless the INSERT names it.
 */
public final class TargetColumns {
    private TargetColumns() {
    }

    /** The columns an INSERT lists, checked against the target; all declared ones when empty. */
    public static List<Column> supplied(String target, List<Column> storable, List<Column> declared, List<String> names) {
        if (names.isEmpty()) {
            return declared;
        }
        List<Column> supplied = new ArrayList<>();
        for (String name : names) {
            Column column = storable.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new BrookException(ErrorCode.NO_SUCH_COLUMN_IN_TABLE,
                            "No such column " + name + " in stream " + target));
            if (supplied.contains(column)) {
                throw new BrookException(ErrorCode.DUPLICATE_COLUMN, "Column " + name + " is specified more than once");
            }
            supplied.add(column);
        }
        return supplied;
    }

    /**
     * Expressions over the supplied columns (positions 0..n-1 of the input, of {@code inputTypes})
     * that produce every column of {@code stored}, in order; an omitted {@code _tp_time} gets
     * {@code ingestTime}.
     */
    public static List<Expression> projection(List<Column> stored, List<Column> supplied, List<BrookType> inputTypes,
                                              FunctionRegistry functions, Expression ingestTime) {
        if (supplied.size() != inputTypes.size()) {
            throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of columns doesn't match: " + inputTypes.size() + " given, " + supplied.size() + " expected");
        }
        ExpressionBinder constants = new ExpressionBinder(Scope.empty(), functions, Parameters.NONE);
        List<Expression> projection = new ArrayList<>();
        for (Column column : stored) {
            int index = supplied.indexOf(column);
            Expression value;
            if (index >= 0) {
                value = new ColumnReference(index, column.name(), inputTypes.get(index));
            } else if (column.name().equals(StreamSchema.TIME_COLUMN)) {
                value = ingestTime;
            } else if (column.defaultExpression() != null) {
                value = constants.bind(SqlParser.parseExpression(column.defaultExpression()));
            } else {
                value = Literal.of(null, BrookType.NOTHING);
            }
            projection.add(castTo(value, column, functions));
        }
        return projection;
    }

    private static Expression castTo(Expression value, Column column, FunctionRegistry functions) {
        if (value.type().equals(column.type())) {
            return value;
        }
        if (value.type().kind() == io.brook.engine.types.TypeKind.NOTHING && !column.type().nullable()) {
            return Literal.of(zero(column.type()), column.type());
        }
        return functions.cast(RangeCheckedInteger.wrap(value, column.type(), column.name()), column.type());
    }

    /** The value a non-nullable column holds when the INSERT gives none (or NULL). */
    static Object zero(BrookType type) {
        return switch (type.kind()) {
            case FLOAT32, FLOAT64 -> 0.0;
            case DECIMAL, UINT64 -> java.math.BigDecimal.ZERO;
            case BOOL -> false;
            case STRING, FIXED_STRING -> "";
            case UUID -> new java.util.UUID(0, 0);
            case DATE, DATE32 -> java.time.LocalDate.EPOCH;
            case DATETIME, DATETIME64 -> Instant.EPOCH;
            case ARRAY -> List.of();
            case MAP -> java.util.Map.of();
            case TUPLE -> type.elements().stream().map(TargetColumns::zero).toList();
            case NOTHING -> null;
            default -> 0L;
        };
    }
}
