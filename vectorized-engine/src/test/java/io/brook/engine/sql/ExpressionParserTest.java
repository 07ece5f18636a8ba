package io.brook.engine.sql;

import io.brook.engine.sql.ast.*;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static io.brook.engine.sql.ast.BinaryOperator.ADD;
import static io.brook.engine.sql.ast.BinaryOperator.AND;
import static io.brook.engine.sql.ast.BinaryOperator.CONCAT;
import static io.brook.engine.sql.ast.BinaryOperator.EQ;
import static io.brook.engine.sql.ast.BinaryOperator.GT;
import static io.brook.engine.sql.ast.BinaryOperator.MUL;
import static io.brook.engine.sql.ast.BinaryOperator.OR;
import static io.brook.engine.sql.ast.BinaryOperator.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ExpressionParserTest {
    private static final Identifier A = Identifier.of("a");
    private static final Identifier B = Identifier.of("b");
    private static final Identifier C = Identifier.of("c");

    private static Expression parse(String text) {
        return SqlParser.parseExpression(text);
    }

    private static IntegerLiteral integer(long value) {
        return IntegerLiteral.of(value);
    }

    @Test
    void literals() {
        assertEquals(integer(42), parse("42"));
        assertEquals(new IntegerLiteral(new BigInteger("18446744073709551615")), parse("18446744073709551615"));
        assertEquals(new DecimalLiteral("1.5", 1.5), parse("1.5"));
        assertEquals(DecimalLiteral.of(".5"), parse(".5"));
        assertEquals(DecimalLiteral.of("1e3"), parse("1e3"));
        assertEquals(new StringLiteral("it's"), parse("'it''s'"));
        assertEquals(new StringLiteral("it's\n\\d"), parse("'it\\'s\\n\\d'"));
        assertEquals(new BooleanLiteral(true), parse("TRUE"));
        assertEquals(new BooleanLiteral(false), parse("false"));
        assertEquals(NullLiteral.INSTANCE, parse("null"));
    }

    @Test
    void identifiersKeepCaseAndQualifiers() {
        assertEquals(Identifier.of("Col"), parse("Col"));
        assertEquals(Identifier.of("t", "a"), parse("t.a"));
        assertEquals(Identifier.of("db", "t", "a"), parse("db.t.a"));
        assertEquals(Identifier.of("a b"), parse("`a b`"));
        assertEquals(Identifier.of("x"), parse("\"x\""));
        assertEquals(Identifier.of("_tp_time"), parse("_tp_time"));
    }

    @Test
    void arithmeticPrecedence() {
        assertEquals(new Binary(ADD, A, new Binary(MUL, B, C)), parse("a + b * c"));
        assertEquals(new Binary(MUL, new Binary(ADD, A, B), C), parse("(a + b) * c"));
        assertEquals(new Binary(SUB, new Binary(SUB, A, B), C), parse("a - b - c"));
        assertEquals(new Binary(MUL, new Unary(UnaryOperator.NEGATE, A), B), parse("-a * b"));
        assertEquals(new Binary(BinaryOperator.MOD, A, integer(2)), parse("a % 2"));
        assertEquals(new Binary(BinaryOperator.DIV, A, integer(2)), parse("a/2"));
    }

    @Test
    void booleanPrecedence() {
        // OR < AND < NOT < comparison
        assertEquals(new Binary(OR, A, new Binary(AND, B, C)), parse("a OR b AND c"));
        assertEquals(new Binary(AND, new Unary(UnaryOperator.NOT, new Binary(EQ, A, integer(1))), B),
                parse("NOT a = 1 AND b"));
        assertEquals(new Binary(GT, new Binary(ADD, A, integer(1)), new Binary(MUL, B, integer(2))),
                parse("a + 1 > b * 2"));
    }

    @Test
    void concatenationBindsBetweenComparisonAndAddition() {
        assertEquals(new Binary(EQ, new Binary(CONCAT, A, new Binary(ADD, B, C)), new StringLiteral("x")),
                parse("a || b + c = 'x'"));
    }

    @Test
    void castsBindTightest() {
        DataTypeSpec int32 = DataTypeSpec.of("int32");
        assertEquals(new Unary(UnaryOperator.NEGATE, new Cast(A, int32)), parse("-a::int32"));
        assertEquals(new Cast(A, DataTypeSpec.of("nullable", DataTypeSpec.of("string"))),
                parse("CAST(a AS nullable(string))"));
        assertEquals(FunctionCall.of("cast", A, new StringLiteral("int32")), parse("cast(a, 'int32')"));
        assertEquals(new Binary(ADD, integer(1), new Cast(new StringLiteral("2"), int32)), parse("1 + '2'::int32"));
    }

    @Test
    void predicates() {
        assertEquals(new Between(A, integer(1), integer(10), false), parse("a BETWEEN 1 AND 10"));
        assertEquals(new Binary(AND, new Between(A, integer(1), integer(2), true), B),
                parse("a NOT BETWEEN 1 AND 2 AND b"));
        assertEquals(new InList(A, List.of(integer(1), integer(2)), false), parse("a IN (1, 2)"));
        assertEquals(new InList(A, List.of(new StringLiteral("x")), true), parse("a NOT IN ('x')"));
        assertEquals(new Like(A, new StringLiteral("x%"), false, false), parse("a LIKE 'x%'"));
        assertEquals(new Like(A, new StringLiteral("x%"), true, false), parse("a NOT LIKE 'x%'"));
        assertEquals(new Like(A, new StringLiteral("x%"), false, true), parse("a ILIKE 'x%'"));
        assertEquals(new IsNull(A, false), parse("a IS NULL"));
        assertEquals(new IsNull(A, true), parse("a is not null"));
        assertEquals(new Binary(BinaryOperator.NE, A, B), parse("a <> b"));
        assertEquals(new Binary(BinaryOperator.NE, A, B), parse("a != b"));
        assertEquals(new Binary(EQ, A, B), parse("a == b"));
        InSubquery in = (InSubquery) parse("a IN (SELECT max(x) FROM table(s))");
        assertInstanceOf(Select.class, in.query());
    }

    @Test
    void functionCalls() {
        assertEquals(new FunctionCall("count", List.of(), false, true), parse("count(*)"));
        assertEquals(new FunctionCall("count", List.of(), false, false), parse("count()"));
        assertEquals(new FunctionCall("count", List.of(A), true, false), parse("count(DISTINCT a)"));
        assertEquals(FunctionCall.of("now"), parse("now()"));
        assertEquals(FunctionCall.of("if", A, integer(1), integer(2)), parse("if(a, 1, 2)"));
        assertEquals(FunctionCall.of("left", A, integer(3)), parse("left(a, 3)"));
        assertEquals(FunctionCall.of("map", new StringLiteral("a"), integer(1)), parse("map('a', 1)"));
        assertEquals(FunctionCall.of("toString", A), parse("toString(a)"));
        assertEquals(FunctionCall.of("array_map", new Lambda(List.of("x"), new Binary(ADD, Identifier.of("x"),
                integer(1))), A), parse("array_map(x -> x + 1, a)"));
        assertEquals(new Lambda(List.of("x", "y"), new Binary(MUL, Identifier.of("x"), Identifier.of("y"))),
                ((FunctionCall) parse("array_fold((x, y) -> x * y, a, 1)")).arguments().getFirst());
    }

    @Test
    void arraysTuplesSubscriptsAndSubqueries() {
        assertEquals(new ArrayLiteral(List.of(integer(1), integer(2))), parse("[1, 2]"));
        assertEquals(new ArrayLiteral(List.of()), parse("[]"));
        assertEquals(new TupleLiteral(List.of(integer(1), new StringLiteral("a"))), parse("(1, 'a')"));
        assertEquals(A, parse("((a))"));
        assertEquals(FunctionCall.of("array_element", A, integer(1)), parse("a[1]"));
        assertInstanceOf(Subquery.class, parse("(SELECT 1)"));
    }

    @Test
    void caseExpressions() {
        assertEquals(new Case(null, List.of(new WhenClause(new Binary(GT, A, integer(0)), new StringLiteral("pos"))),
                new StringLiteral("neg")), parse("CASE WHEN a > 0 THEN 'pos' ELSE 'neg' END"));
        assertEquals(new Case(A, List.of(new WhenClause(integer(1), B), new WhenClause(integer(2), C)), null),
                parse("case a when 1 then b when 2 then c end"));
    }

    @Test
    void parametersAreNumberedLeftToRight() {
        assertEquals(new Binary(AND, new Binary(EQ, A, new Parameter(0)), new Between(B, new Parameter(1),
                new Parameter(2), false)), parse("a = ? AND b BETWEEN ? AND ?"));
    }

    @Test
    void keywordLikeColumnNames() {
        assertEquals(new Binary(EQ, Identifier.of("type"), Identifier.of("value")), parse("type = value"));
        assertEquals(Identifier.of("settings"), parse("settings"));
        assertEquals(Identifier.of("t", "key"), parse("t.key"));
    }
}
