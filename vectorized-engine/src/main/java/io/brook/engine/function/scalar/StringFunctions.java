package io.brook.engine.function.scalar;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.text.Concat;
import io.brook.engine.expr.kernel.text.LikeKernel;
import io.brook.engine.expr.kernel.text.Replace;
import io.brook.engine.expr.kernel.text.StringMeasure;
import io.brook.engine.expr.kernel.text.StringSearch;
import io.brook.engine.expr.kernel.text.StringTransform;
import io.brook.engine.expr.kernel.text.Substring;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * String functions. Like Timeplus, {@code length} counts bytes ({@code length_utf8} counts
 * characters), {@code substring} offsets are 1-based bytes ({@code substring_utf8} characters),
 * {@code lower}/{@code upper} change ASCII letters only ({@code lower_utf8}/{@code upper_utf8} all).
 */
public final class StringFunctions {
    private StringFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(ScalarFunction.of("length", 1, 1, (name, arguments, functions) -> {
            if (arguments.getFirst().type().kind() == TypeKind.ARRAY || arguments.getFirst().type().kind() == TypeKind.MAP) {
                return NestedFunctions.size(name, arguments.getFirst());
            }
            return measure(name, arguments, StringMeasure.Kind.LENGTH, BrookType.UINT64);
        }));
        registry.register(ScalarFunction.of("length_utf8", 1, 1, (name, arguments, functions) ->
                measure(name, arguments, StringMeasure.Kind.LENGTH_UTF8, BrookType.UINT64)));
        registry.register(ScalarFunction.of("empty", 1, 1, (name, arguments, functions) -> emptiness(name, arguments, true)));
        registry.register(ScalarFunction.of("not_empty", 1, 1, (name, arguments, functions) -> emptiness(name, arguments, false)));
        transform(registry, "lower", StringTransform.Kind.LOWER);
        transform(registry, "upper", StringTransform.Kind.UPPER);
        transform(registry, "lower_utf8", StringTransform.Kind.LOWER_UTF8);
        transform(registry, "upper_utf8", StringTransform.Kind.UPPER_UTF8);
        transform(registry, "reverse", StringTransform.Kind.REVERSE);
        transform(registry, "trim", StringTransform.Kind.TRIM);
        transform(registry, "trim_both", StringTransform.Kind.TRIM);
        transform(registry, "ltrim", StringTransform.Kind.TRIM_LEFT);
        transform(registry, "trim_left", StringTransform.Kind.TRIM_LEFT);
        transform(registry, "rtrim", StringTransform.Kind.TRIM_RIGHT);
        transform(registry, "trim_right", StringTransform.Kind.TRIM_RIGHT);
        registry.register(ScalarFunction.of("concat", 1, Integer.MAX_VALUE, StringFunctions::concat));
        for (String alias : List.of("substring", "substr", "mid")) {
            registry.register(ScalarFunction.of(alias, 2, 3, (name, arguments, functions) -> substring(name, arguments, false, functions)));
        }
        registry.register(ScalarFunction.of("substring_utf8", 2, 3, (name, arguments, functions) ->
                substring(name, arguments, true, functions)));
        search(registry, "starts_with", StringSearch.Kind.STARTS_WITH, BrookType.BOOL);
        search(registry, "ends_with", StringSearch.Kind.ENDS_WITH, BrookType.BOOL);
        search(registry, "position", StringSearch.Kind.POSITION, BrookType.UINT64);
        search(registry, "locate", StringSearch.Kind.POSITION, BrookType.UINT64);
        search(registry, "has_substr", StringSearch.Kind.CONTAINS, BrookType.BOOL);
        like(registry, "like", false, false);
        like(registry, "ilike", true, false);
        like(registry, "not_like", false, true);
        like(registry, "not_ilike", true, true);
        registry.register(ScalarFunction.of("replace_all", 3, 3, (name, arguments, functions) -> replace(name, arguments, true)));
        registry.register(ScalarFunction.of("replace", 3, 3, (name, arguments, functions) -> replace(name, arguments, true)));
        registry.register(ScalarFunction.of("replace_one", 3, 3, (name, arguments, functions) -> replace(name, arguments, false)));
    }

    private static void requireStrings(String name, List<Expression> arguments) {
        for (Expression argument : arguments) {
            if (!Arguments.isString(argument) && argument.type().kind() != TypeKind.NOTHING) {
                throw Arguments.illegalType(name, argument);
            }
        }
    }

    /** A call with the null-propagation every string function shares. */
    private static Expression call(String name, List<Expression> arguments, BrookType result, ScalarKernel kernel) {
        BrookType type = Arguments.propagateNullable(result, arguments);
        if (Arguments.anyNullLiteral(arguments)) {
            return Literal.nullOf(type);
        }
        return FunctionCall.of(name, arguments, type, kernel);
    }

    private static Expression measure(String name, List<Expression> arguments, StringMeasure.Kind kind, BrookType result) {
        requireStrings(name, arguments);
        return call(name, arguments, result, new StringMeasure(kind, Storage.of(result)));
    }

    private static Expression emptiness(String name, List<Expression> arguments, boolean empty) {
        if (arguments.getFirst().type().kind() == TypeKind.ARRAY || arguments.getFirst().type().kind() == TypeKind.MAP) {
            return NestedFunctions.emptiness(name, arguments.getFirst(), empty);
        }
        return measure(name, arguments, empty ? StringMeasure.Kind.EMPTY : StringMeasure.Kind.NOT_EMPTY, BrookType.BOOL);
    }

    private static void transform(FunctionRegistry registry, String functionName, StringTransform.Kind kind) {
        registry.register(ScalarFunction.of(functionName, 1, 1, (name, arguments, functions) -> {
            requireStrings(name, arguments);
            Expression value = Arguments.convert(arguments.getFirst(), BrookType.STRING, functions);
            return call(name, List.of(value), BrookType.STRING, new StringTransform(kind));
        }));
    }

    private static Expression concat(String name, List<Expression> arguments, FunctionRegistry registry) {
        List<Expression> strings = new ArrayList<>();
        for (Expression argument : arguments) {
            strings.add(argument.type().kind() == TypeKind.NOTHING ? argument : Arguments.convert(argument, BrookType.STRING, registry));
        }
        if (strings.size() == 1) {
            return strings.getFirst();
        }
        return call(name, strings, BrookType.STRING, new Concat());
    }

    private static Expression substring(String name, List<Expression> arguments, boolean codePoints, FunctionRegistry registry) {
        requireStrings(name, arguments.subList(0, 1));
        for (Expression bound : arguments.subList(1, arguments.size())) {
            if (!Arguments.isNumeric(bound) || bound.type().kind().isFloating()) {
                throw Arguments.illegalType(name, bound);
            }
        }
        List<Expression> converted = new ArrayList<>(arguments);
        converted.set(0, Arguments.convert(arguments.getFirst(), BrookType.STRING, registry));
        return call(name, converted, BrookType.STRING, new Substring(codePoints));
    }

    private static void search(FunctionRegistry registry, String functionName, StringSearch.Kind kind, BrookType result) {
        registry.register(ScalarFunction.of(functionName, 2, 2, (name, arguments, functions) -> {
            requireStrings(name, arguments);
            return call(name, arguments, result, new StringSearch(kind, Storage.of(result)));
        }));
    }

    private static void like(FunctionRegistry registry, String functionName, boolean caseInsensitive, boolean negated) {
        registry.register(ScalarFunction.of(functionName, 2, 2, (name, arguments, functions) -> {
            requireStrings(name, arguments);
            Expression pattern = arguments.get(1);
            String constant = pattern instanceof Literal literal && !literal.isNull() ? (String) literal.value() : null;
            String keyword = (negated ? "NOT " : "") + (caseInsensitive ? "ILIKE" : "LIKE");
            Expression call = call(name, arguments, BrookType.BOOL, new LikeKernel(constant, caseInsensitive, negated));
            return call instanceof FunctionCall bound ? bound.asOperator(keyword) : call;
        }));
    }

    private static Expression replace(String name, List<Expression> arguments, boolean all) {
        requireStrings(name, arguments);
        return call(name, arguments, BrookType.STRING, new Replace(all));
    }
}
