package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.util.List;
import java.util.StringJoiner;

/**
 * A bound call of a scalar function: evaluates its arguments (constants stay scalars), allocates
 * the result vector and runs the kernel once over the chunk. Made by the function registry.
 */
public final class FunctionCall implements Expression {
    private final String name;
    private final List<Expression> arguments;
    private final BrookType type;
    private final ScalarKernel kernel;
    private final NullHandling nulls;
    private final boolean deterministic;
    private final String operator;
    private final String text;

    private FunctionCall(String name, List<Expression> arguments, BrookType type, ScalarKernel kernel,
                         NullHandling nulls, boolean deterministic, String operator, String text) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.type = type;
        this.kernel = kernel;
        this.nulls = nulls;
        this.deterministic = deterministic;
        this.operator = operator;
        this.text = text;
    }

    /** A deterministic, null-propagating call shown as {@code name(arguments)}. */
    public static FunctionCall of(String name, List<Expression> arguments, BrookType type, ScalarKernel kernel) {
        return new FunctionCall(name, arguments, type, kernel, NullHandling.PROPAGATE, true, null, null);
    }

    public FunctionCall withNullHandling(NullHandling handling) {
        return new FunctionCall(name, arguments, type, kernel, handling, deterministic, operator, text);
    }

    /** Shown as {@code left symbol right} (or {@code symbol operand}) in EXPLAIN. */
    public FunctionCall asOperator(String symbol) {
        return new FunctionCall(name, arguments, type, kernel, nulls, deterministic, symbol, text);
    }

    /** A call whose value changes between evaluations (now(), rand()); never constant-folded. */
    public FunctionCall nondeterministic() {
        return new FunctionCall(name, arguments, type, kernel, nulls, false, operator, text);
    }

    /** Shown as the given text in EXPLAIN, e.g. {@code CAST(x AS int64)}. */
    public FunctionCall describedAs(String description) {
        return new FunctionCall(name, arguments, type, kernel, nulls, deterministic, operator, description);
    }

    public String name() {
        return name;
    }

    public List<Expression> arguments() {
        return arguments;
    }

    /** True when the call runs a user-defined function. */
    public boolean runsUserCode() {
        return kernel.runsUserCode();
    }

    public boolean isDeterministic() {
        return deterministic;
    }

    public NullHandling nullHandling() {
        return nulls;
    }

    @Override
    public BrookType type() {
        return type;
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        int count = arguments.size();
        Operand[] operands = new Operand[count];
        ColumnValue[] values = new ColumnValue[count];
        FieldVector[] vectors = new FieldVector[count];
        try {
            for (int index = 0; index < count; index++) {
                Expression argument = arguments.get(index);
                if (argument instanceof Literal literal) {
                    operands[index] = Operand.constant(literal);
                } else {
                    values[index] = argument.evaluate(chunk, context);
                    vectors[index] = values[index].vector();
                    operands[index] = Operand.of(vectors[index], argument.type());
                }
            }
            FieldVector output = Vectors.allocate(name, type, chunk.physicalRowCount(), context.allocator());
            try {
                kernel.compute(operands, chunk, output, context);
                if (nulls == NullHandling.PROPAGATE) {
                    Validity.and(output, chunk.physicalRowCount(), vectors);
                }
                return ColumnValue.owned(output);
            } catch (RuntimeException | Error e) {
                output.close();
                throw e;
            }
        } finally {
            for (ColumnValue value : values) {
                if (value != null) {
                    value.close();
                }
            }
        }
    }

    @Override
    public String describe() {
        if (text != null) {
            return text;
        }
        if (operator != null && arguments.size() == 2) {
            return operand(arguments.get(0)) + " " + operator + " " + operand(arguments.get(1));
        }
        if (operator != null && arguments.size() == 1) {
            return operator + (Character.isLetter(operator.charAt(0)) ? " " : "") + operand(arguments.getFirst());
        }
        StringJoiner joiner = new StringJoiner(", ", name + "(", ")");
        for (Expression argument : arguments) {
            joiner.add(argument.describe());
        }
        return joiner.toString();
    }

    private static String operand(Expression expression) {
        String text = expression.describe();
        return expression instanceof FunctionCall call && call.operator != null ? "(" + text + ")" : text;
    }

    @Override
    public String toString() {
        return describe();
    }
}
