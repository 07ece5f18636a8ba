package io.brook.engine.sql;

import io.brook.engine.sql.BrookParser.IntervalBodyContext;
import io.brook.engine.sql.BrookParser.IntervalContext;
import io.brook.engine.sql.ast.IntervalLiteral;
import io.brook.engine.sql.ast.IntervalUnit;
import org.antlr.v4.runtime.Token;

/**
 * Reads intervals in both spellings: the Timeplus shorthand {@code 5s} (one DURATION token) and
 * {@code INTERVAL 5 SECOND} / {@code INTERVAL '5' SECOND} / {@code INTERVAL '5 seconds'}.
 */
final class Intervals {
    private Intervals() {
    }

    static IntervalLiteral interval(IntervalContext context) {
        return context.DURATION() != null
                ? duration(context.DURATION().getSymbol())
                : body(context.intervalBody());
    }

    /** A DURATION token: digits glued to a unit suffix. */
    static IntervalLiteral duration(Token token) {
        String text = token.getText();
        int unitStart = 0;
        while (Character.isDigit(text.charAt(unitStart))) {
            unitStart++;
        }
        return new IntervalLiteral(amount(token, text.substring(0, unitStart)),
                IntervalUnit.fromWord(text.substring(unitStart)));
    }

    /** What follows the INTERVAL keyword. */
    static IntervalLiteral body(IntervalBodyContext context) {
        Token start = context.getStart();
        if (context.INTEGER() != null) {
            String digits = context.INTEGER().getText();
            return new IntervalLiteral(amount(start, context.MINUS() != null ? "-" + digits : digits),
                    unit(context.unit.getStart(), Names.identifier(context.unit)));
        }
        String text = TokenText.unquote(context.STRING().getText()).strip();
        if (context.unit != null) {
            return new IntervalLiteral(amount(start, text),
                    unit(context.unit.getStart(), Names.identifier(context.unit)));
        }
        // INTERVAL '5 second': amount and unit inside the string
        String[] parts = text.split("\\s+");
        if (parts.length != 2) {
            throw SyntaxErrors.at(start, "expected an interval such as '5 second'");
        }
        return new IntervalLiteral(amount(start, parts[0]), unit(start, parts[1]));
    }

    private static long amount(Token token, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw SyntaxErrors.at(token, "interval amount must be a whole number");
        }
    }

    private static IntervalUnit unit(Token token, String word) {
        IntervalUnit unit = IntervalUnit.fromWord(word);
        if (unit == null) {
            throw SyntaxErrors.at(token, "unknown interval unit '" + word + "'");
        }
        return unit;
    }
}
