package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.expr.Expression;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * SELECT list: a chunk of the expressions' values over the same rows and selection. Input
 * columns passed through are the same vectors, not copies; computed columns are owned by the
 * new chunk.
 */
public final class ProjectOperator implements Operator {
    private final List<Expression> expressions;
    private final QueryContext context;
    private final Operator downstream;

    public ProjectOperator(List<Expression> expressions, QueryContext context, Operator downstream) {
        this.expressions = List.copyOf(expressions);
        this.context = context;
        this.downstream = downstream;
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        FieldVector[] columns = new FieldVector[expressions.size()];
        List<FieldVector> created = new ArrayList<>();
        try {
            for (int index = 0; index < columns.length; index++) {
                ColumnValue value = expressions.get(index).evaluate(chunk, context);
                columns[index] = value.vector();
                if (value.owned()) {
                    created.add(value.vector());
                }
            }
        } catch (OutOfMemoryException e) {
            created.forEach(FieldVector::close);
            throw context.memoryExceeded(e);
        } catch (RuntimeException | Error e) {
            created.forEach(FieldVector::close);
            throw e;
        }
        try (Chunk projected = chunk.withColumns(columns, created)) {
            downstream.push(projected);
        }
    }

    @Override
    public void finish() {
        downstream.finish();
    }

    @Override
    public void tick(long nowMillis) {
        downstream.tick(nowMillis);
    }

    @Override
    public void close() {
        downstream.close();
    }

    /** Plans a projection of bound expressions over the input chunk's columns. */
    public static final class Factory implements OperatorFactory {
        private final List<Expression> expressions;

        public Factory(List<Expression> expressions) {
            this.expressions = List.copyOf(expressions);
        }

        @Override
        public Operator create(QueryContext context, Operator downstream) {
            return new ProjectOperator(expressions, context, downstream);
        }

        @Override
        public String describe() {
            StringJoiner joiner = new StringJoiner(", ", "Project (", ")");
            expressions.forEach(expression -> joiner.add(expression.describe()));
            return joiner.toString();
        }
    }
}
