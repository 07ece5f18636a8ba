package io.brook.engine.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StringFunctionsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();
    private final Schema schema = Schema.of("s", TypeParser.parse("nullable(string)"));
    /** ASCII, a two-byte character, a four-byte emoji, empty, NULL. */
    private final List<List<Object>> rows = List.of(row("Hello"), row("größe"), row("a😀b"), row(""), row((Object) null));
    private final List<Object> filler = row("filler text");

    @AfterEach
    void close() {
        support.close();
    }

    private Expression call(String name, Expression... arguments) {
        return registry.call(name, List.of(arguments));
    }

    private List<Object> apply(String name, Expression... extra) {
        Expression[] arguments = new Expression[extra.length + 1];
        arguments[0] = schema.column("s");
        System.arraycopy(extra, 0, arguments, 1, extra.length);
        return support.evaluateRows(call(name, arguments), schema, rows, filler);
    }

    private static Literal integer(long value) {
        return Literal.of(value, BrookType.INT64);
    }

    private static Literal text(String value) {
        return Literal.of(value, BrookType.STRING);
    }

    @Test
    void lengthCountsBytesAndLengthUtf8CountsCharacters() {
        assertEquals(Arrays.asList(5L, 7L, 6L, 0L, null), apply("length"));
        assertEquals(Arrays.asList(5L, 5L, 3L, 0L, null), apply("length_utf8"));
        assertEquals("nullable(uint64)", call("length", schema.column("s")).type().toString());
        assertEquals(Arrays.asList(false, false, false, true, null), apply("empty"));
        assertEquals(Arrays.asList(true, true, true, false, null), apply("not_empty"));
    }

    @Test
    void caseChangesAsciiOnlyUnlessUtf8() {
        assertEquals(Arrays.asList("hello", "größe", "a😀b", "", null), apply("lower"));
        assertEquals(Arrays.asList("HELLO", "GRößE", "A😀B", "", null), apply("upper"));
        assertEquals(Arrays.asList("HELLO", "GRÖSSE", "A😀B", "", null), apply("upper_utf8"));
    }

    @Test
    void substringUsesOneBasedBytesOrCharacters() {
        assertEquals(Arrays.asList("ell", "rö", "a\uD83D", "", null).subList(0, 2), apply("substring", integer(2), integer(3)).subList(0, 2));
        assertEquals(Arrays.asList("ello", "röße", "😀b", "", null), apply("substring", integer(2)));
        assertEquals(Arrays.asList("lo", "ße", "😀b", "", null).subList(0, 1), apply("substring", integer(-2)).subList(0, 1));
        assertEquals(Arrays.asList("ell", "röß", "😀b", "", null), apply("substring_utf8", integer(2), integer(3)));
        assertEquals(Arrays.asList("lo", "ße", "😀b", "", null), apply("substring_utf8", integer(-2)));
        assertEquals(Arrays.asList("", "", "", "", null), apply("substring", integer(0), integer(3)));
        assertEquals(Arrays.asList("", "", "", "", null), apply("substr", integer(50)));
        assertEquals(Arrays.asList("Hel", "grö", "a", "", null), apply("substring_utf8", integer(1), integer(-2)));
    }

    @Test
    void concatJoinsBytesAndConvertsNumbers() {
        Schema pair = Schema.of("a", BrookType.STRING, "n", TypeParser.parse("nullable(int32)"));
        Expression concat = call("concat", pair.column("a"), text("-"), pair.column("n"));
        assertEquals(Arrays.asList("x-1", null, "é-42"),
                support.evaluateRows(concat, pair, List.of(row("x", 1), row("y", null), row("é", 42)), row("", 0)));
        assertEquals(BrookType.STRING.withNullable(true), concat.type());
    }

    @Test
    void trimAndReverse() {
        Schema plain = Schema.of("s", BrookType.STRING);
        List<List<Object>> padded = List.of(row("  a b  "), row("   "), row("x"));
        assertEquals(List.of("a b", "", "x"), support.evaluateRows(call("trim", plain.column("s")), plain, padded, row(" f ")));
        assertEquals(List.of("a b  ", "", "x"), support.evaluateRows(call("ltrim", plain.column("s")), plain, padded, row(" f ")));
        assertEquals(List.of("  a b", "", "x"), support.evaluateRows(call("rtrim", plain.column("s")), plain, padded, row(" f ")));
        assertEquals(List.of("cba"), support.evaluateRows(call("reverse", plain.column("s")), plain, List.of(row("abc")), row("f")));
    }

    @Test
    void searching() {
        assertEquals(Arrays.asList(true, false, false, false, null), apply("starts_with", text("He")));
        assertEquals(Arrays.asList(false, true, false, false, null), apply("ends_with", text("ße")));
        assertEquals(Arrays.asList(3L, 0L, 0L, 0L, null), apply("position", text("ll")));
        assertEquals(Arrays.asList(0L, 5L, 0L, 0L, null), apply("position", text("ß")));
        assertEquals(Arrays.asList("HeLLo", "größe", "a😀b", "", null), apply("replace_all", text("l"), text("L")));
        assertEquals(Arrays.asList("HeLlo", "größe", "a😀b", "", null), apply("replace_one", text("l"), text("L")));
    }

    @Test
    void likeAndIlike() {
        assertEquals(Arrays.asList(true, false, false, false, null), apply("like", text("He%")));
        assertEquals(Arrays.asList(false, true, false, false, null), apply("like", text("%ße")));
        assertEquals(Arrays.asList(false, false, true, false, null), apply("like", text("%😀%")));
        assertEquals(Arrays.asList(false, false, true, false, null), apply("like", text("a_b")));
        assertEquals(Arrays.asList(true, false, false, false, null), apply("like", text("H_l%o")));
        assertEquals(Arrays.asList(false, false, false, true, null), apply("like", text("")));
        assertEquals(Arrays.asList(true, true, true, true, null), apply("like", text("%")));
        assertEquals(Arrays.asList(true, false, false, false, null), apply("ilike", text("hELLO")));
        assertEquals(Arrays.asList(false, true, true, true, null), apply("not_like", text("%l%")));
        Schema plain = Schema.of("s", BrookType.STRING);
        assertEquals(List.of(true, false), support.evaluateRows(call("like", plain.column("s"), text("100\\%")), plain,
                List.of(row("100%"), row("1000")), row("")));
        assertEquals(List.of(1), support.selectRows(call("like", plain.column("s"), text("%b%c")), plain,
                List.of(row("abxbx"), row("abxbc")), row("")));
    }

    @Test
    void patternFromAColumn() {
        Schema pair = Schema.of("s", BrookType.STRING, "p", BrookType.STRING);
        assertEquals(List.of(true, false, true), support.evaluateRows(call("like", pair.column("s"), pair.column("p")), pair,
                List.of(row("abc", "a%"), row("abc", "b%"), row("xyz", "%z")), row("", "")));
    }

    @Test
    void nonStringsAreRejected() {
        Schema numbers = Schema.of("i", BrookType.INT32);
        BrookException error = assertThrows(BrookException.class, () -> call("lower", numbers.column("i")));
        assertEquals(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, error.code());
        assertEquals("Illegal type int32 of argument of function lower", error.text());
    }

    @Test
    void fixedStringsWork() {
        Schema fixed = Schema.of("f", BrookType.fixedString(3));
        assertEquals(List.of(3L), support.evaluateRows(call("length", fixed.column("f")), fixed, List.of(row("ab")), row("zz")));
        assertEquals(List.of(true), support.evaluateRows(call("starts_with", fixed.column("f"), text("ab")), fixed, List.of(row("ab")), row("zz")));
    }

    @Test
    void constantCallsFold() {
        assertEquals(text("ABC"), call("upper", text("abc")));
        assertEquals(Literal.of(2L, BrookType.UINT64), call("length", text("é")));
    }
}
