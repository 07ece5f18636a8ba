package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;

/** Column {@code index} of the input chunk; evaluation returns the chunk's vector itself. */
public record ColumnReference(int index, String name, BrookType type) implements Expression {

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        return ColumnValue.borrowed(chunk.column(index));
    }

    @Override
    public String describe() {
        return name;
    }
}
