package io.brook.engine.statement;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.operator.ChunkBuilder;
import io.brook.engine.plan.ExpressionBinder;
import io.brook.engine.plan.Parameters;
import io.brook.engine.plan.Scope;
import io.brook.engine.sql.ast.Parameter;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the rows of {@code INSERT ... VALUES} (or JDBC batch parameter rows) into one chunk,
 * column by column: each column's values keep their own type when they share one, so the
 * conversion to the target type is one vectorised cast rather than one per value.
 */
final class ValuesChunk {
    private final FunctionRegistry functions;

    ValuesChunk(FunctionRegistry functions) {
        this.functions = functions;
    }

    /** A chunk with one column per entry of {@code targetTypes}, one row per VALUES row and parameter row. */
    Chunk build(List<List<io.brook.engine.sql.ast.Expression>> rows, List<Parameters> parameterRows,
                List<BrookType> targetTypes, BufferAllocator allocator) {
        int columnCount = targetTypes.size();
        int rowCount = rows.size() * parameterRows.size();
        List<List<Object>> columns = new ArrayList<>(columnCount);
        List<BrookType> types = new ArrayList<>(columnCount);
        List<String> names = new ArrayList<>(columnCount);
        for (int column = 0; column < columnCount; column++) {
            List<Object> values = new ArrayList<>(rowCount);
            types.add(column(rows, parameterRows, column, targetTypes.get(column), values));
            columns.add(values);
            names.add("c" + column);
        }
        try (ChunkBuilder builder = new ChunkBuilder(names, types, allocator)) {
            Object[] row = new Object[columnCount];
            for (int index = 0; index < rowCount; index++) {
                for (int column = 0; column < columnCount; column++) {
                    row[column] = columns.get(column).get(index);
                }
                builder.addRow(row);
            }
            return builder.build();
        }
    }

    /** Collects one column's values into {@code values}; returns the type they share. */
    private BrookType column(List<List<io.brook.engine.sql.ast.Expression>> rows, List<Parameters> parameterRows,
                             int column, BrookType target, List<Object> values) {
        List<BrookType> types = new ArrayList<>(rows.size() * parameterRows.size());
        for (Parameters parameters : parameterRows) {
            ExpressionBinder binder = new ExpressionBinder(Scope.empty(), functions, parameters);
            for (List<io.brook.engine.sql.ast.Expression> row : rows) {
                io.brook.engine.sql.ast.Expression written = row.get(column);
                if (written instanceof Parameter parameter) {
                    Object value = parameters.value(parameter.index());
                    values.add(value);
                    types.add(Parameters.typeOf(value));
                } else {
                    Literal literal = constant(binder.bind(written), values.size() + 1);
                    values.add(literal.value());
                    types.add(literal.type());
                }
            }
        }
        BrookType common = commonType(types);
        if (common != null && common.kind().isNested() && !common.equals(target.withNullable(false))) {
            // nested literals are written straight at the column's type: casts between nested types are per element
            common = null;
        }
        if (common == null) {
            for (int i = 0; i < values.size(); i++) {
                values.set(i, target.kind().isNested()
                        ? Literal.of(values.get(i), target).value()
                        : constant(functions.cast(Literal.of(values.get(i), types.get(i)), target), i + 1).value());
            }
            return target;
        }
        if (common.kind() == TypeKind.FLOAT64) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof Number number && !(number instanceof Double)) {
                    values.set(i, number.doubleValue());
                }
            }
        }
        return common;
    }

    private static Literal constant(Expression expression, int row) {
        if (expression instanceof Literal literal) {
            return literal;
        }
        if (io.brook.engine.expr.ExpressionTrees.readsNoColumn(expression)) {
            // now(), now64() and friends are not folded at bind time; a VALUES row takes their value now
            return FunctionRegistry.evaluateConstant(expression);
        }
        throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                "Row " + row + " of VALUES holds an expression that is not constant: " + expression.describe());
    }

    /** The type every value has (nulls aside, ints widening to float), or null if they differ. */
    private static BrookType commonType(List<BrookType> types) {
        BrookType common = null;
        boolean nulls = false;
        for (BrookType type : types) {
            if (type.kind() == TypeKind.NOTHING) {
                nulls = true;
            } else if (common == null) {
                common = type.withNullable(false);
            } else if (!common.equals(type.withNullable(false))) {
                if (common.kind().isNumeric() && type.kind().isNumeric()
                        && (common.kind() == TypeKind.FLOAT64 || type.kind() == TypeKind.FLOAT64)) {
                    common = BrookType.FLOAT64;
                } else {
                    return null;
                }
            }
        }
        if (common == null) {
            return BrookType.NOTHING;
        }
        return nulls ? common.withNullable(true) : common;
    }
}
