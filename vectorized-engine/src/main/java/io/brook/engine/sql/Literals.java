package io.brook.engine.sql;

import io.brook.engine.sql.BrookParser.BooleanLiteralContext;
import io.brook.engine.sql.BrookParser.LiteralContext;
import io.brook.engine.sql.BrookParser.NullLiteralContext;
import io.brook.engine.sql.BrookParser.NumberContext;
import io.brook.engine.sql.BrookParser.NumericLiteralContext;
import io.brook.engine.sql.BrookParser.SettingValueContext;
import io.brook.engine.sql.BrookParser.StringLiteralContext;
import io.brook.engine.sql.ast.BooleanLiteral;
import io.brook.engine.sql.ast.DecimalLiteral;
import io.brook.engine.sql.ast.IntegerLiteral;
import io.brook.engine.sql.ast.Literal;
import io.brook.engine.sql.ast.NullLiteral;
import io.brook.engine.sql.ast.StringLiteral;

import java.math.BigInteger;

/** Builds {@link Literal}s, for expressions and for setting values. */
final class Literals {
    private Literals() {
    }

    static Literal literal(LiteralContext context) {
        return switch (context) {
            case NullLiteralContext ignored -> NullLiteral.INSTANCE;
            case BooleanLiteralContext bool -> new BooleanLiteral(bool.TRUE() != null);
            case NumericLiteralContext numeric -> number(numeric.number(), false);
            case StringLiteralContext string -> new StringLiteral(TokenText.unquote(string.STRING().getText()));
            default -> throw new IllegalStateException("unknown literal " + context.getText());
        };
    }

    /**
     * A setting's value. A bare word is taken as the string it spells, and a sign is folded into
     * the number, since settings hold constants only.
     */
    static Literal settingValue(SettingValueContext context) {
        if (context.literal() != null) {
            return literal(context.literal());
        }
        if (context.number() != null) {
            return number(context.number(), true);
        }
        return new StringLiteral(Names.identifier(context.identifier()));
    }

    private static Literal number(NumberContext context, boolean negative) {
        String text = context.getText();
        if (context.INTEGER() != null) {
            BigInteger value = new BigInteger(text);
            return new IntegerLiteral(negative ? value.negate() : value);
        }
        return DecimalLiteral.of(negative ? "-" + text : text);
    }
}
