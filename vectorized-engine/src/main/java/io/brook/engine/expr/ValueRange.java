package io.brook.engine.expr;

/**
 * A comparison with a constant restated as a closed range: {@code v > 5} is {@code 6 <= v <= MAX}
 * for an integer v, {@code v != c} is "outside [c, c]". Null when nothing can match.
 */
record ValueRange(long low, long high, double lowDouble, double highDouble, boolean inside) {

    /** Integers compared with an integer constant, in signed or unsigned 64-bit order. */
    static ValueRange forInteger(ComparisonOperator operator, long constant, boolean unsigned) {
        long minimum = unsigned ? 0 : Long.MIN_VALUE;
        long maximum = unsigned ? -1L : Long.MAX_VALUE;
        return switch (operator) {
            case EQUALS -> longs(constant, constant, true);
            case NOT_EQUALS -> longs(constant, constant, false);
            case GREATER -> constant == maximum ? null : longs(constant + 1, maximum, true);
            case GREATER_OR_EQUALS -> longs(constant, maximum, true);
            case LESS -> constant == minimum ? null : longs(minimum, constant - 1, true);
            case LESS_OR_EQUALS -> longs(minimum, constant, true);
        };
    }

    /** Integers compared with a floating constant: {@code v > 2.5} is {@code v >= 3}. */
    static ValueRange forIntegerAgainstDouble(ComparisonOperator operator, double constant) {
        if (Double.isNaN(constant)) {
            return operator == ComparisonOperator.NOT_EQUALS ? longs(Long.MIN_VALUE, Long.MAX_VALUE, true) : null;
        }
        boolean whole = constant == Math.rint(constant);
        return switch (operator) {
            case EQUALS -> whole && fits(constant) ? longs((long) constant, (long) constant, true) : null;
            case NOT_EQUALS -> whole && fits(constant) ? longs((long) constant, (long) constant, false)
                    : longs(Long.MIN_VALUE, Long.MAX_VALUE, true);
            case GREATER -> atLeast(Math.floor(constant) + 1);
            case GREATER_OR_EQUALS -> atLeast(Math.ceil(constant));
            case LESS -> atMost(Math.ceil(constant) - 1);
            case LESS_OR_EQUALS -> atMost(Math.floor(constant));
        };
    }

    /** Floats compared with a constant; NaN values fall outside every range, as SQL wants. */
    static ValueRange forDouble(ComparisonOperator operator, double constant) {
        double infinity = Double.POSITIVE_INFINITY;
        if (Double.isNaN(constant)) {
            return operator == ComparisonOperator.NOT_EQUALS ? doubles(constant, constant, false) : null;
        }
        return switch (operator) {
            case EQUALS -> doubles(constant, constant, true);
            case NOT_EQUALS -> doubles(constant, constant, false);
            case GREATER -> constant == infinity ? null : doubles(Math.nextUp(constant), infinity, true);
            case GREATER_OR_EQUALS -> doubles(constant, infinity, true);
            case LESS -> constant == -infinity ? null : doubles(-infinity, Math.nextDown(constant), true);
            case LESS_OR_EQUALS -> doubles(-infinity, constant, true);
        };
    }

    private static boolean fits(double value) {
        return value >= -0x1.0p63 && value < 0x1.0p63;
    }

    private static ValueRange atLeast(double bound) {
        if (bound >= 0x1.0p63) {
            return null;
        }
        return longs(bound < -0x1.0p63 ? Long.MIN_VALUE : (long) bound, Long.MAX_VALUE, true);
    }

    private static ValueRange atMost(double bound) {
        if (bound < -0x1.0p63) {
            return null;
        }
        return longs(Long.MIN_VALUE, bound >= 0x1.0p63 ? Long.MAX_VALUE : (long) bound, true);
    }

    private static ValueRange longs(long low, long high, boolean inside) {
        return new ValueRange(low, high, 0, 0, inside);
    }

    private static ValueRange doubles(double low, double high, boolean inside) {
        return new ValueRange(0, 0, low, high, inside);
    }
}
