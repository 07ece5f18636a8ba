package io.brook.engine.sql.ast;

/** Operators of {@link Unary}. */
public enum UnaryOperator {
    NEGATE("-"), PLUS("+"), NOT("NOT ");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The SQL spelling, including the space after NOT. */
    public String symbol() {
        return symbol;
    }
}
