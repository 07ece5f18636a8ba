package io.brook.engine.function;

import io.brook.engine.catalog.FunctionInfo;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.IntervalLiteral;
import io.brook.engine.expr.IntervalUnit;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.aggregate.AggregateFunction;
import io.brook.engine.function.aggregate.AggregateFunctions;
import io.brook.engine.function.scalar.ArithmeticFunctions;
import io.brook.engine.function.scalar.CastFunctions;
import io.brook.engine.function.scalar.ComparisonFunctions;
import io.brook.engine.function.scalar.ConditionalFunctions;
import io.brook.engine.function.scalar.LogicalFunctions;
import io.brook.engine.function.scalar.MathFunctions;
import io.brook.engine.function.scalar.NestedFunctions;
import io.brook.engine.function.scalar.StringFunctions;
import io.brook.engine.function.scalar.TimeFunctions;
import io.brook.engine.query.QueryContext;
import io.brook.engine.query.QuerySettings;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.RootAllocator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves function calls by name and argument types into bound expressions, applying implicit
 * conversions and folding calls whose arguments are all constant. One instance per engine;
 * built-ins are registered at construction, user functions later through {@link #register}.
 *
 * <p>Names are the Timeplus lower_snake names; a built-in is also found by its lower-cased name.
 */
public final class FunctionRegistry {
    private static final long FOLDING_MEMORY = 64L << 20;

    private final Map<String, ScalarFunction> scalars = new ConcurrentHashMap<>();
    private final Map<String, AggregateFunction> aggregates = new ConcurrentHashMap<>();
    private final java.util.Set<String> userDefined = ConcurrentHashMap.newKeySet();

    /** A registry holding every built-in function. */
    public FunctionRegistry() {
        ArithmeticFunctions.register(this);
        ComparisonFunctions.register(this);
        LogicalFunctions.register(this);
        ConditionalFunctions.register(this);
        StringFunctions.register(this);
        MathFunctions.register(this);
        TimeFunctions.register(this);
        CastFunctions.register(this);
        NestedFunctions.register(this);
        AggregateFunctions.register(this);
    }

    /** Adds or replaces a scalar function (user functions come through here). */
    public void register(ScalarFunction function) {
        aggregates.remove(function.name());
        scalars.put(function.name(), function);
    }

    public void register(AggregateFunction function) {
        scalars.remove(function.name());
        aggregates.put(function.name(), function);
    }

    /** Removes a function registered under {@code name} (DROP FUNCTION); false when none. */
    public boolean unregister(String name) {
        userDefined.remove(name);
        return scalars.remove(name) != null | aggregates.remove(name) != null;
    }

    /** Marks {@code name} as a user function, so listings tell it from the built-ins. */
    public void markUserDefined(String name) {
        userDefined.add(name);
    }

    public boolean exists(String name) {
        return findScalar(name) != null || findAggregate(name) != null;
    }

    public boolean isAggregate(String name) {
        return findAggregate(name) != null;
    }

    /** Binds a scalar call; see the class comment for resolution and folding. */
    public Expression call(String name, List<Expression> arguments) {
        ScalarFunction function = findScalar(name);
        if (function == null) {
            if (findAggregate(name) != null) {
                throw new BrookException(ErrorCode.ILLEGAL_AGGREGATION,
                        "Aggregate function " + name + " is found in wrong place in query");
            }
            throw new BrookException(ErrorCode.UNKNOWN_FUNCTION, "Unknown function " + name);
        }
        checkCount(name, arguments.size(), function.minArguments(), function.maxArguments());
        return fold(function.bind(List.copyOf(arguments), this));
    }

    public Expression call(String name, Expression... arguments) {
        return call(name, List.of(arguments));
    }

    /** CAST(e AS target), {@code e::target}; strict: a NULL into a non-nullable type fails. */
    public Expression cast(Expression expression, BrookType target) {
        return fold(CastFunctions.cast(expression, target, true));
    }

    /** An interval literal such as {@code INTERVAL 5 SECOND} or {@code 5s}. */
    public Expression interval(long amount, String unit) {
        return new IntervalLiteral(amount, IntervalUnit.parse(unit));
    }

    public AggregateCall aggregate(String name, List<Expression> arguments, boolean distinct) {
        AggregateFunction function = findAggregate(name);
        if (function == null) {
            throw new BrookException(ErrorCode.UNKNOWN_FUNCTION, "Unknown aggregate function " + name);
        }
        checkCount(name, arguments.size(), function.minArguments(), function.maxArguments());
        return function.bind(List.copyOf(arguments), distinct);
    }

    /** Every function, for SHOW FUNCTIONS and DatabaseMetaData.getFunctions. */
    public List<FunctionInfo> functions() {
        List<FunctionInfo> infos = new ArrayList<>();
        scalars.values().forEach(function -> infos.add(new FunctionInfo(function.name(), false,
                userDefined.contains(function.name()), function.description())));
        aggregates.values().forEach(function -> infos.add(new FunctionInfo(function.name(), true,
                userDefined.contains(function.name()), function.description())));
        infos.sort(Comparator.comparing(FunctionInfo::name));
        return infos;
    }

    private ScalarFunction findScalar(String name) {
        ScalarFunction function = scalars.get(name);
        return function != null ? function : scalars.get(name.toLowerCase(Locale.ROOT));
    }

    private AggregateFunction findAggregate(String name) {
        AggregateFunction function = aggregates.get(name);
        return function != null ? function : aggregates.get(name.toLowerCase(Locale.ROOT));
    }

    private static void checkCount(String name, int passed, int minimum, int maximum) {
        if (passed < minimum || passed > maximum) {
            String expected = minimum == maximum ? String.valueOf(minimum)
                    : maximum == Integer.MAX_VALUE ? "at least " + minimum : minimum + " to " + maximum;
            throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for function " + name + " doesn't match: passed " + passed
                            + ", should be " + expected);
        }
    }

    /**
     * Replaces a deterministic expression whose children are all constant by its value,
     * computed by running it over a one-row chunk, so folding and evaluation cannot disagree.
     */
    public Expression fold(Expression expression) {
        if (expression.isConstant() || expression.children().isEmpty() || !isFoldable(expression)) {
            return expression;
        }
        for (Expression child : expression.children()) {
            if (!child.isConstant()) {
                return expression;
            }
        }
        return evaluateConstant(expression);
    }

    private static boolean isFoldable(Expression expression) {
        return !(expression instanceof FunctionCall call) || call.isDeterministic();
    }

    /** The value of a constant expression as a literal. */
    public static Literal evaluateConstant(Expression expression) {
        try (RootAllocator allocator = new RootAllocator(FOLDING_MEMORY);
             QueryContext context = new QueryContext(0, allocator, QuerySettings.defaults());
             Chunk row = Chunk.of(List.of(), 1);
             ColumnValue value = expression.evaluate(row, context)) {
            Object javaValue = VectorReader.value(value.vector(), 0, expression.type());
            return javaValue == null ? Literal.nullOf(expression.type()) : Literal.of(javaValue, expression.type());
        }
    }
}
