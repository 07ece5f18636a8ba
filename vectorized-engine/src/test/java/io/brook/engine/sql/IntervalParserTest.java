package io.brook.engine.sql;

import io.brook.engine.error.BrookException;
import io.brook.engine.sql.ast.Binary;
import io.brook.engine.sql.ast.BinaryOperator;
import io.brook.engine.sql.ast.FunctionCall;
import io.brook.engine.sql.ast.IntervalLiteral;
import io.brook.engine.sql.ast.IntervalUnit;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalParserTest {

    private static IntervalLiteral interval(String text) {
        return (IntervalLiteral) SqlParser.parseExpression(text);
    }

    @Test
    void shorthandSuffixes() {
        assertEquals(new IntervalLiteral(5, IntervalUnit.SECOND), interval("5s"));
        assertEquals(new IntervalLiteral(100, IntervalUnit.MILLISECOND), interval("100ms"));
        assertEquals(new IntervalLiteral(1, IntervalUnit.MINUTE), interval("1m"));
        assertEquals(new IntervalLiteral(1, IntervalUnit.HOUR), interval("1h"));
        assertEquals(new IntervalLiteral(2, IntervalUnit.DAY), interval("2d"));
        assertEquals(new IntervalLiteral(1, IntervalUnit.WEEK), interval("1w"));
        assertEquals(new IntervalLiteral(3, IntervalUnit.MICROSECOND), interval("3us"));
        assertEquals(new IntervalLiteral(7, IntervalUnit.NANOSECOND), interval("7ns"));
        assertEquals(new IntervalLiteral(5, IntervalUnit.SECOND), interval("5S"));
    }

    @Test
    void intervalKeywordForms() {
        assertEquals(new IntervalLiteral(2, IntervalUnit.DAY), interval("INTERVAL 2 DAY"));
        assertEquals(new IntervalLiteral(5, IntervalUnit.SECOND), interval("interval 5 second"));
        assertEquals(new IntervalLiteral(5, IntervalUnit.SECOND), interval("INTERVAL '5' SECOND"));
        assertEquals(new IntervalLiteral(10, IntervalUnit.MINUTE), interval("INTERVAL 10 minutes"));
        assertEquals(new IntervalLiteral(3, IntervalUnit.MONTH), interval("INTERVAL '3 months'"));
        assertEquals(new IntervalLiteral(1, IntervalUnit.QUARTER), interval("INTERVAL 1 QUARTER"));
        assertEquals(new IntervalLiteral(1, IntervalUnit.YEAR), interval("INTERVAL 1 year"));
        assertEquals(new IntervalLiteral(-1, IntervalUnit.HOUR), interval("INTERVAL -1 hour"));
        assertEquals(new IntervalLiteral(250, IntervalUnit.MILLISECOND), interval("INTERVAL 250 millisecond"));
    }

    @Test
    void intervalsInArithmetic() {
        assertEquals(new Binary(BinaryOperator.SUB, FunctionCall.of("now"), new IntervalLiteral(2, IntervalUnit.DAY)),
                SqlParser.parseExpression("now() - 2d"));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofSeconds(5), interval("5s").toDuration());
        assertEquals(Duration.ofDays(14), interval("2w").toDuration());
        assertThrows(IllegalStateException.class, () -> interval("INTERVAL 1 month").toDuration());
    }

    @Test
    void unknownUnitIsASyntaxError() {
        BrookException error = assertThrows(BrookException.class,
                () -> SqlParser.parseExpression("INTERVAL 5 fortnight"));
        assertEquals("Syntax error at line 1, column 12 near 'fortnight': unknown interval unit 'fortnight'",
                error.text());
        assertTrue(error.getMessage().endsWith("(SYNTAX_ERROR)"));
    }
}
