package io.brook.engine.sql.ast;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A whole number as written, without sign ({@code -2} is a NEGATE of 2, except in SETTINGS where
 * the parser folds it). BigInteger because uint64 constants do not fit a long.
 */
public record IntegerLiteral(BigInteger value) implements Literal {
    public IntegerLiteral {
        Objects.requireNonNull(value, "value");
    }

    public static IntegerLiteral of(long value) {
        return new IntegerLiteral(BigInteger.valueOf(value));
    }

    /** The value as a long; throws ArithmeticException when it does not fit. */
    public long longValue() {
        return value.longValueExact();
    }
}
