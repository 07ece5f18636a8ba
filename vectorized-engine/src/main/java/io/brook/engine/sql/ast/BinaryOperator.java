package io.brook.engine.sql.ast;

/** Operators of {@link Binary}; {@code CONCAT} is {@code ||}. */
public enum BinaryOperator {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"),
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    AND("AND"), OR("OR"), CONCAT("||");

    private final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isComparison() {
        return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
    }
}
