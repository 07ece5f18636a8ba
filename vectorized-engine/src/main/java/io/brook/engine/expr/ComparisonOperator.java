package io.brook.engine.expr;

/** The six comparisons, with the function names the planner uses for SQL operators. */
public enum ComparisonOperator {
    EQUALS("equals", "="),
    NOT_EQUALS("not_equals", "!="),
    LESS("less", "<"),
    LESS_OR_EQUALS("less_or_equals", "<="),
    GREATER("greater", ">"),
    GREATER_OR_EQUALS("greater_or_equals", ">=");

    private final String functionName;
    private final String symbol;

    ComparisonOperator(String functionName, String symbol) {
        this.functionName = functionName;
        this.symbol = symbol;
    }

    public String functionName() {
        return functionName;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator that gives the same answer with the operands swapped ({@code a < b} is {@code b > a}). */
    public ComparisonOperator swapped() {
        return switch (this) {
            case LESS -> GREATER;
            case LESS_OR_EQUALS -> GREATER_OR_EQUALS;
            case GREATER -> LESS;
            case GREATER_OR_EQUALS -> LESS_OR_EQUALS;
            default -> this;
        };
    }

    /** Whether a three-way comparison result satisfies this operator. */
    public boolean test(int comparison) {
        return switch (this) {
            case EQUALS -> comparison == 0;
            case NOT_EQUALS -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUALS -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUALS -> comparison >= 0;
        };
    }

    public static ComparisonOperator byFunctionName(String name) {
        for (ComparisonOperator operator : values()) {
            if (operator.functionName.equals(name)) {
                return operator;
            }
        }
        return null;
    }
}
