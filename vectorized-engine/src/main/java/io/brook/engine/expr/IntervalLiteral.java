package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;

import java.util.Locale;

/**
 * {@code INTERVAL 5 SECOND} (or {@code 5s}). Brook has no interval column type: an interval is a
 * constant that date arithmetic, {@code to_start_of_interval} and window functions read; as a
 * value on its own it is its amount, an int64.
 */
public record IntervalLiteral(long amount, IntervalUnit unit) implements Expression {

    @Override
    public BrookType type() {
        return BrookType.INT64;
    }

    @Override
    public boolean isConstant() {
        return true;
    }

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        return Literal.of(amount, BrookType.INT64).evaluate(chunk, context);
    }

    /** Fixed-length intervals in nanoseconds (0 for month, quarter, year). */
    public long nanos() {
        return Math.multiplyExact(amount, unit.nanos());
    }

    /** Calendar intervals in months (0 for fixed-length units). */
    public long months() {
        return Math.multiplyExact(amount, unit.months());
    }

    @Override
    public String describe() {
        return "INTERVAL " + amount + " " + unit.name().toUpperCase(Locale.ROOT);
    }
}
