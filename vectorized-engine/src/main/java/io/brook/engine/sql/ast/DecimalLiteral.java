package io.brook.engine.sql.ast;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number with a fraction or exponent ({@code 1.5}, {@code .5}, {@code 1e3}). The text is kept so
 * that the planner can make an exact decimal when the target type is decimal(P, S).
 *
 * @param text  the literal as written
 * @param value the text parsed as a double
 */
public record DecimalLiteral(String text, double value) implements Literal {
    public DecimalLiteral {
        Objects.requireNonNull(text, "text");
    }

    public static DecimalLiteral of(String text) {
        return new DecimalLiteral(text, Double.parseDouble(text));
    }

    public BigDecimal decimalValue() {
        return new BigDecimal(text);
    }
}
