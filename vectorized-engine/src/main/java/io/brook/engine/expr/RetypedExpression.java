package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;

import java.util.List;

/**
 * An expression reported under a type with the same values, e.g. {@code CAST(x AS nullable(int32))}
 * of an int32 column: nothing to convert, so the inner vector is passed through unchanged.
 */
public record RetypedExpression(Expression inner, BrookType type, String text) implements Expression {

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        return inner.evaluate(chunk, context);
    }

    @Override
    public String describe() {
        return text;
    }

    @Override
    public boolean isConstant() {
        return inner.isConstant();
    }

    @Override
    public List<Expression> children() {
        return List.of(inner);
    }

    @Override
    public int selectInto(Chunk chunk, QueryContext context, int[] out) {
        return inner.selectInto(chunk, context, out);
    }

    @Override
    public void maskInto(Chunk chunk, QueryContext context, RowMask mask) {
        inner.maskInto(chunk, context, mask);
    }
}
