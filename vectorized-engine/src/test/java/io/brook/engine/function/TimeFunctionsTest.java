package io.brook.engine.function;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.Literal;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeFunctionsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();
    private final Schema schema = Schema.of("t", BrookType.TP_TIME, "d", BrookType.DATE,
            "b", TypeParser.parse("datetime('Asia/Kolkata')"));
    private final Instant instant = Instant.parse("2024-02-29T23:47:31.456Z");
    private final List<List<Object>> rows = List.of(row(instant, LocalDate.parse("2024-02-29"), instant));
    private final List<Object> filler = row(Instant.EPOCH, LocalDate.EPOCH, Instant.EPOCH);

    @AfterEach
    void close() {
        support.close();
    }

    private Expression call(String name, Expression... arguments) {
        return registry.call(name, List.of(arguments));
    }

    private Object value(Expression expression) {
        return support.evaluateRows(expression, schema, rows, filler).getFirst();
    }

    @Test
    void nowIsUtcAndNeverFolded() {
        Expression now = call("now");
        assertEquals("datetime('UTC')", now.type().toString());
        assertTrue(now instanceof FunctionCall call && !call.isDeterministic());
        Instant read = (Instant) value(now);
        assertTrue(Duration.between(read, Instant.now()).abs().getSeconds() < 5);
        assertEquals("datetime64(3, 'UTC')", call("now64").type().toString());
        assertFalse(call("plus", call("now"), Literal.of(1, BrookType.INT32)) instanceof Literal);
    }

    @Test
    void earliestTimestampIsTheEpoch() {
        Expression earliest = call("earliest_ts");
        assertEquals(Literal.of(Instant.EPOCH, BrookType.TP_TIME), earliest);
        assertEquals(List.of(0), support.selectRows(call("greater", schema.column("t"), earliest), schema, rows, filler));
    }

    @Test
    void truncation() {
        assertEquals(Instant.parse("2024-02-29T23:47:00Z"), value(call("to_start_of_minute", schema.column("t"))));
        assertEquals(Instant.parse("2024-02-29T23:00:00Z"), value(call("to_start_of_hour", schema.column("t"))));
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), value(call("to_start_of_day", schema.column("t"))));
        assertEquals(Instant.parse("2024-02-29T23:47:31Z"), value(call("to_start_of_second", schema.column("t"))));
        assertEquals(BrookType.TP_TIME, call("to_start_of_minute", schema.column("t")).type());
        assertEquals(LocalDate.parse("2024-02-01"), value(call("to_start_of_month", schema.column("t"))));
        assertEquals(LocalDate.parse("2024-01-01"), value(call("to_start_of_quarter", schema.column("t"))));
        assertEquals(LocalDate.parse("2024-01-01"), value(call("to_start_of_year", schema.column("d"))));
        assertEquals(LocalDate.parse("2024-02-26"), value(call("to_start_of_week", schema.column("t"))));
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), value(call("to_start_of_hour", schema.column("d"))));
    }

    @Test
    void truncationUsesTheTimeZone() {
        // 23:47 UTC is 05:17 the next day in Kolkata (UTC+5:30)
        assertEquals(Instant.parse("2024-02-29T18:30:00Z"), value(call("to_start_of_day", schema.column("b"))));
        assertEquals(Instant.parse("2024-02-29T23:30:00Z"), value(call("to_start_of_hour", schema.column("b"))));
        assertEquals(LocalDate.parse("2024-03-01"), value(call("to_start_of_month", schema.column("b"))));
        assertEquals(5L, value(call("to_hour", schema.column("b"))));
    }

    @Test
    void startOfInterval() {
        assertEquals(Instant.parse("2024-02-29T23:45:00Z"), value(call("to_start_of_interval", schema.column("t"), registry.interval(15, "m"))));
        assertEquals(Instant.parse("2024-02-29T23:47:30Z"), value(call("to_start_of_interval", schema.column("t"), registry.interval(5, "second"))));
        assertEquals(Instant.parse("2024-02-29T23:47:31.400Z"), value(call("to_start_of_interval", schema.column("t"), registry.interval(200, "ms"))));
        assertEquals(LocalDate.parse("2024-01-01"), value(call("to_start_of_interval", schema.column("t"), registry.interval(3, "month"))));
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), value(call("to_start_of_interval", schema.column("t"), registry.interval(1, "d"))));
    }

    @Test
    void calendarFields() {
        assertEquals(2024L, value(call("to_year", schema.column("t"))));
        assertEquals(2L, value(call("to_month", schema.column("t"))));
        assertEquals(29L, value(call("to_day_of_month", schema.column("t"))));
        assertEquals(23L, value(call("to_hour", schema.column("t"))));
        assertEquals(47L, value(call("to_minute", schema.column("t"))));
        assertEquals(31L, value(call("to_second", schema.column("t"))));
        assertEquals(4L, value(call("to_day_of_week", schema.column("d"))));
        assertEquals(60L, value(call("to_day_of_year", schema.column("d"))));
        assertEquals(1L, value(call("to_quarter", schema.column("d"))));
        assertEquals(BrookType.UINT16, call("to_year", schema.column("t")).type());
    }

    @Test
    void intervalArithmetic() {
        assertEquals(Instant.parse("2024-02-27T23:47:31.456Z"), value(call("minus", schema.column("t"), registry.interval(2, "d"))));
        assertEquals(Instant.parse("2024-03-29T23:47:31.456Z"), value(call("plus", schema.column("t"), registry.interval(1, "month"))));
        assertEquals(LocalDate.parse("2025-02-28"), value(call("plus", schema.column("d"), registry.interval(1, "year"))));
        assertEquals(LocalDate.parse("2024-03-07"), value(call("plus", schema.column("d"), registry.interval(1, "w"))));
        Expression hours = call("plus", schema.column("d"), registry.interval(36, "h"));
        assertEquals(BrookType.DATETIME, hours.type());
        assertEquals(Instant.parse("2024-03-01T12:00:00Z"), value(hours));
        Expression micros = call("plus", schema.column("t"), registry.interval(5, "us"));
        assertEquals("datetime64(6, 'UTC')", micros.type().toString());
        assertEquals(Instant.parse("2024-02-29T23:47:31.456005Z"), value(micros));
        assertEquals("t - INTERVAL 2 DAY", call("minus", schema.column("t"), registry.interval(2, "d")).describe());
        assertEquals(LocalDate.parse("2024-03-02"), value(call("plus", schema.column("d"), Literal.of(2, BrookType.INT32))));
    }

    @Test
    void nowMinusAnIntervalFiltersRecentRows() {
        Expression recent = call("greater", schema.column("t"), call("minus", call("now"), registry.interval(2, "d")));
        Instant fresh = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertEquals(List.of(1), support.selectRows(recent, schema,
                List.of(rows.getFirst(), row(fresh, LocalDate.EPOCH, fresh)), filler));
    }

    @Test
    void dateDifferenceCountsBoundaries() {
        Expression start = Literal.of("2024-02-29 23:59:59", BrookType.STRING);
        assertEquals(-12L, value(call("date_diff", Literal.of("minute", BrookType.STRING), start, schema.column("t"))));
        assertEquals(1L, value(call("date_diff", Literal.of("day", BrookType.STRING), schema.column("d"), Literal.of("2024-03-01", BrookType.STRING))));
        assertEquals(1L, value(call("date_diff", Literal.of("month", BrookType.STRING), schema.column("d"), Literal.of("2024-03-01", BrookType.STRING))));
        assertEquals(-1L, value(call("date_diff", Literal.of("year", BrookType.STRING), schema.column("d"), Literal.of("2023-12-31", BrookType.STRING))));
    }

    @Test
    void conversionToTimestamps() {
        assertEquals(1709250451L, value(call("to_unix_timestamp", schema.column("t"))));
        assertEquals(Instant.parse("2024-02-29T23:47:31Z"), value(call("to_datetime", schema.column("t"))));
        assertEquals("datetime('UTC')", call("to_datetime", schema.column("t")).type().toString());
        assertEquals(LocalDate.parse("2024-02-29"), value(call("to_date", schema.column("t"))));
    }
}
