package io.brook.engine.sql;

import io.brook.engine.sql.ast.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectParserTest {

    private static Select select(String sql) {
        return (Select) SqlParser.parse(sql);
    }

    private static IntervalLiteral seconds(long amount) {
        return new IntervalLiteral(amount, IntervalUnit.SECOND);
    }

    @Test
    void allClauses() {
        Select select = select("""
                SELECT DISTINCT device, count(*) AS n, avg(cpu) avg_cpu
                FROM metrics
                WHERE cpu > 50
                GROUP BY device
                HAVING n > 1
                ORDER BY n DESC NULLS LAST, device
                LIMIT 10 OFFSET 5
                EMIT PERIODIC 1s
                SETTINGS query_mode='table', seek_to='earliest'
                """);
        assertTrue(select.distinct());
        assertEquals(List.of(new SelectExpression(Identifier.of("device"), null),
                new SelectExpression(new FunctionCall("count", List.of(), false, true), "n"),
                new SelectExpression(FunctionCall.of("avg", Identifier.of("cpu")), "avg_cpu")), select.items());
        assertEquals(new NamedRelation(QualifiedName.of("metrics"), null), select.from());
        assertEquals(new Binary(BinaryOperator.GT, Identifier.of("cpu"), IntegerLiteral.of(50)), select.where());
        assertEquals(List.of(Identifier.of("device")), select.groupBy());
        assertEquals(new Binary(BinaryOperator.GT, Identifier.of("n"), IntegerLiteral.of(1)), select.having());
        assertEquals(List.of(new OrderItem(Identifier.of("n"), true, OrderItem.NullsOrder.LAST),
                new OrderItem(Identifier.of("device"), false, OrderItem.NullsOrder.DEFAULT)), select.orderBy());
        assertEquals(10L, select.limit());
        assertEquals(5L, select.offset());
        assertEquals(Emit.periodic(seconds(1)), select.emit());
        assertEquals(List.of(new Setting("query_mode", new StringLiteral("table")),
                new Setting("seek_to", new StringLiteral("earliest"))), select.settings());
    }

    @Test
    void selectWithoutFrom() {
        Select select = select("SELECT 1");
        assertNull(select.from());
        assertNull(select.where());
        assertNull(select.limit());
        assertNull(select.emit());
        assertEquals(List.of(), select.groupBy());
        assertFalse(select.distinct());
    }

    @Test
    void starForms() {
        assertEquals(List.of(AllColumns.all()), select("SELECT * FROM s").items());
        assertEquals(List.of(new AllColumns(null, List.of("a"))), select("SELECT * except a FROM s").items());
        assertEquals(List.of(new AllColumns(null, List.of("a", "b"))), select("SELECT * EXCEPT (a, b) FROM s").items());
        assertEquals(List.of(new AllColumns(null, List.of("a"))), select("SELECT * EXCEPT(a) FROM s").items());
        assertEquals(List.of(new AllColumns("t", List.of()), new SelectExpression(Identifier.of("x"), null)),
                select("SELECT t.*, x FROM s AS t").items());
    }

    @Test
    void limitForms() {
        Select comma = select("SELECT a FROM s LIMIT 5, 10");
        assertEquals(10L, comma.limit());
        assertEquals(5L, comma.offset());
        Select offsetOnly = select("SELECT a FROM s OFFSET 3");
        assertNull(offsetOnly.limit());
        assertEquals(3L, offsetOnly.offset());
        Select limitOnly = select("SELECT a FROM s LIMIT 1");
        assertEquals(1L, limitOnly.limit());
        assertNull(limitOnly.offset());
    }

    @Test
    void groupByOrdinalsStayLiterals() {
        assertEquals(List.of(IntegerLiteral.of(1), IntegerLiteral.of(2)),
                select("SELECT a, b, count() FROM s GROUP BY 1, 2").groupBy());
    }

    @Test
    void windowTableFunctions() {
        NamedRelation s = new NamedRelation(QualifiedName.of("s"), null);
        assertEquals(new TableFunctionRelation("table", s, List.of(), null), select("SELECT * FROM table(s)").from());
        assertEquals(new TableFunctionRelation("tumble", s, List.of(seconds(5)), null),
                select("SELECT window_start, count() FROM tumble(s, 5s) GROUP BY window_start").from());
        assertEquals(new TableFunctionRelation("tumble", s,
                        List.of(Identifier.of("ts"), new IntervalLiteral(5, IntervalUnit.SECOND)), "w"),
                select("SELECT * FROM tumble(s, ts, interval 5 second) AS w").from());
        assertEquals(new TableFunctionRelation("hop", s, List.of(seconds(1), seconds(5)), null),
                select("SELECT * FROM hop(s, 1s, 5s)").from());
        assertEquals(new TableFunctionRelation("session", s, List.of(Identifier.of("ts"), seconds(5)), null),
                select("SELECT * FROM session(s, ts, 5s)").from());
        assertEquals(new TableFunctionRelation("tumble", new TableFunctionRelation("table", s, List.of(), null),
                        List.of(seconds(5)), null),
                select("SELECT * FROM tumble(table(s), 5s)").from());
        assertEquals(new TableFunctionRelation("numbers", null, List.of(IntegerLiteral.of(10)), null),
                select("SELECT * FROM numbers(10)").from());
        TableFunctionRelation overSubquery = (TableFunctionRelation) select(
                "SELECT * FROM tumble((SELECT * FROM s WHERE a > 1), 5s)").from();
        assertEquals(SubqueryRelation.class, overSubquery.input().getClass());
    }

    @Test
    void relationsAndAliases() {
        assertEquals(new NamedRelation(new QualifiedName("db", "s"), "x"), select("SELECT * FROM db.s x").from());
        SubqueryRelation subquery = (SubqueryRelation) select("SELECT * FROM (SELECT a FROM s) AS q").from();
        assertEquals("q", subquery.alias());
        // a clause keyword after the stream name is not taken for an alias
        assertNull(((NamedRelation) select("SELECT * FROM s SETTINGS seek_to='earliest'").from()).alias());
        assertNull(((NamedRelation) select("SELECT * FROM s EMIT ON UPDATE").from()).alias());
        assertNull(((NamedRelation) select("SELECT * FROM s OFFSET 1").from()).alias());
    }

    @Test
    void joinsParse() {
        Join join = (Join) select("SELECT * FROM a AS x LEFT JOIN table(b) AS y ON x.id = y.id").from();
        assertEquals(Join.Type.LEFT, join.type());
        assertEquals(new NamedRelation(QualifiedName.of("a"), "x"), join.left());
        assertEquals(new Binary(BinaryOperator.EQ, Identifier.of("x", "id"), Identifier.of("y", "id")), join.on());
        Join using = (Join) select("SELECT * FROM a JOIN b USING (id, k) INNER JOIN c ON true").from();
        assertEquals(Join.Type.INNER, using.type());
        assertEquals(List.of("id", "k"), ((Join) using.left()).using());
    }

    @Test
    void emitPolicies() {
        assertEquals(Emit.afterWindowClose(null),
                select("SELECT count() FROM tumble(s, 5s) GROUP BY window_start EMIT AFTER WINDOW CLOSE").emit());
        assertEquals(Emit.afterWindowClose(seconds(2)), select(
                "SELECT count() FROM tumble(s, 5s) GROUP BY window_start EMIT AFTER WINDOW CLOSE WITH DELAY 2s").emit());
        assertEquals(new Emit(Emit.Kind.PERIODIC, seconds(1), true, null, null, false),
                select("SELECT count() FROM s EMIT PERIODIC 1s REPEAT").emit());
        assertEquals(Emit.onUpdate(), select("SELECT count() FROM s EMIT ON UPDATE").emit());
        assertEquals(new Emit(Emit.Kind.DEFAULT, null, false, null, seconds(5), false),
                select("SELECT count() FROM s EMIT TIMEOUT 5s").emit());
        assertEquals(new Emit(Emit.Kind.PERIODIC, seconds(1), false, null, seconds(5), false),
                select("SELECT count() FROM s EMIT PERIODIC 1s, TIMEOUT 5s").emit());
        assertEquals(new Emit(Emit.Kind.AFTER_WINDOW_CLOSE, null, false, seconds(2), seconds(5), false),
                select("SELECT 1 FROM tumble(s, 5s) EMIT AFTER WINDOW CLOSE WITH DELAY 2s AND TIMEOUT 5s").emit());
        assertEquals(Emit.afterWindowClose(seconds(1)),
                select("SELECT 1 FROM tumble(s, 5s) EMIT AFTER WATERMARK AND DELAY 1s").emit());
        assertEquals(new Emit(Emit.Kind.PERIODIC, new IntervalLiteral(2, IntervalUnit.SECOND), false, null, null, true),
                select("SELECT count() FROM s EMIT CHANGELOG PERIODIC interval 2 second").emit());
    }

    @Test
    void emitMayComeBeforeOrderByOrAfterLimit() {
        Select before = select("SELECT count() AS c FROM s GROUP BY k EMIT PERIODIC 2s ORDER BY c LIMIT 3");
        Select after = select("SELECT count() AS c FROM s GROUP BY k ORDER BY c LIMIT 3 EMIT PERIODIC 2s");
        assertEquals(before, after);
        assertEquals(Emit.periodic(seconds(2)), after.emit());
    }

    @Test
    void streamingFilterWithTimeBound() {
        Select select = select("SELECT * FROM s WHERE _tp_time > earliest_ts()");
        assertEquals(new Binary(BinaryOperator.GT, Identifier.of("_tp_time"), FunctionCall.of("earliest_ts")),
                select.where());
        Select recent = select("select * from s where _tp_time > now() - 2d limit 3");
        assertEquals(3L, recent.limit());
    }

    @Test
    void aliasesMayBeKeywordsOrQuoted() {
        Select select = select("SELECT a AS value, b key, c AS `my col`, d \"Q\" FROM s");
        assertEquals(List.of("value", "key", "my col", "Q"),
                select.items().stream().map(item -> ((SelectExpression) item).alias()).toList());
    }

    @Test
    void scalarSubqueryInSelect() {
        Select select = select("SELECT (SELECT max(a) FROM table(s)) AS m");
        assertEquals("m", ((SelectExpression) select.items().getFirst()).alias());
    }
}
