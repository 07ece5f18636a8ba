package io.brook.engine.sql;

import io.brook.engine.sql.ast.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InsertParserTest {

    private static Insert insert(String sql) {
        return (Insert) SqlParser.parse(sql);
    }

    @Test
    void valuesWithColumns() {
        Insert insert = insert("INSERT INTO s (a, b) VALUES (1, 'x'), (2, 'y');");
        assertEquals(QualifiedName.of("s"), insert.target());
        assertEquals(List.of("a", "b"), insert.columns());
        assertEquals(List.of(List.of(IntegerLiteral.of(1), new StringLiteral("x")),
                List.of(IntegerLiteral.of(2), new StringLiteral("y"))), insert.values());
        assertNull(insert.query());
        assertEquals(List.of(), insert.settings());
    }

    @Test
    void valuesWithoutColumnsAnyExpression() {
        Insert insert = insert("insert into db.s values (-2, now(), CAST('1' AS int8), [1, 2], (1, 'a'), "
                + "map('a', 1), ?, NULL, 1.5::float32, true)");
        assertEquals(new QualifiedName("db", "s"), insert.target());
        assertEquals(List.of(), insert.columns());
        List<Expression> row = insert.values().getFirst();
        assertEquals(new Unary(UnaryOperator.NEGATE, IntegerLiteral.of(2)), row.get(0));
        assertEquals(FunctionCall.of("now"), row.get(1));
        assertEquals(new Cast(new StringLiteral("1"), DataTypeSpec.of("int8")), row.get(2));
        assertEquals(new ArrayLiteral(List.of(IntegerLiteral.of(1), IntegerLiteral.of(2))), row.get(3));
        assertEquals(new TupleLiteral(List.of(IntegerLiteral.of(1), new StringLiteral("a"))), row.get(4));
        assertEquals(FunctionCall.of("map", new StringLiteral("a"), IntegerLiteral.of(1)), row.get(5));
        assertEquals(new Parameter(0), row.get(6));
        assertEquals(NullLiteral.INSTANCE, row.get(7));
        assertEquals(new Cast(DecimalLiteral.of("1.5"), DataTypeSpec.of("float32")), row.get(8));
        assertEquals(new BooleanLiteral(true), row.get(9));
    }

    @Test
    void parametersAcrossRows() {
        Insert insert = insert("INSERT INTO s (a, b) VALUES (?, ?), (?, ?)");
        assertEquals(List.of(List.of(new Parameter(0), new Parameter(1)), List.of(new Parameter(2), new Parameter(3))),
                insert.values());
    }

    @Test
    void rowsMayOmitCommasAsInClickHouse() {
        assertEquals(2, insert("INSERT INTO s VALUES (1) (2)").values().size());
    }

    @Test
    void insertSelect() {
        Insert insert = insert("INSERT INTO target (a) SELECT a FROM table(s) WHERE a > 0 SETTINGS max_threads=1");
        assertNull(insert.values());
        Select query = (Select) insert.query();
        assertEquals(1, query.settings().size());
        assertEquals(List.of("a"), insert.columns());
    }

    @Test
    void insertSettings() {
        Insert insert = insert("INSERT INTO s SETTINGS async=false VALUES (1) SETTINGS fsync=true");
        assertEquals(List.of(new Setting("async", new BooleanLiteral(false)), new Setting("fsync", new BooleanLiteral(true))),
                insert.settings());
    }

    @Test
    void keywordColumnNames() {
        assertEquals(List.of("key", "value", "type"),
                insert("INSERT INTO s (key, value, type) VALUES ('k', 1, 't')").columns());
    }
}
