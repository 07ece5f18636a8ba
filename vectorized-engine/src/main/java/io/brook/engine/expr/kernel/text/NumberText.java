package io.brook.engine.expr.kernel.text;

import java.math.BigDecimal;

/** Numbers as text the way ClickHouse prints them: {@code 1} not {@code 1.0}, {@code inf}, {@code nan}. */
public final class NumberText {
    private NumberText() {
    }

    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e16) {
            return Long.toString((long) value);
        }
        String shortest = Double.toString(value);
        int exponent = shortest.indexOf('E');
        if (exponent < 0) {
            return shortest;
        }
        int power = Integer.parseInt(shortest.substring(exponent + 1));
        if (power >= -5 && power < 21) {
            return new BigDecimal(shortest).toPlainString();
        }
        String mantissa = shortest.substring(0, exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + (power > 0 ? "+" : "") + power;
    }

    public static String formatFloat(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == Math.rint(value)) {
            return formatDouble(value);
        }
        return formatDouble(Double.parseDouble(Float.toString(value)));
    }
}
