package io.brook.engine.function.scalar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.NullHandling;
import io.brook.engine.expr.kernel.NestedSize;
import io.brook.engine.expr.kernel.ObjectKernel;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.function.Arguments;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.ScalarFunction;
import io.brook.engine.function.TypeCoercion;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nested values: the constructors {@code array(...)}, {@code tuple(...)}, {@code map(k1, v1, ...)},
 * element access {@code array_element(a, i)} (1-based, negative from the end, out of range gives
 * the element type's default or NULL), and {@code length}/{@code empty} of arrays and maps.
 */
public final class NestedFunctions {
    private NestedFunctions() {
    }

    public static void register(FunctionRegistry registry) {
        registry.register(ScalarFunction.of("array", 0, Integer.MAX_VALUE, NestedFunctions::array));
        registry.register(ScalarFunction.of("tuple", 1, Integer.MAX_VALUE, (name, arguments, functions) -> {
            List<BrookType> types = arguments.stream().map(Expression::type).toList();
            BrookType type = BrookType.tuple(types, List.of());
            return FunctionCall.of(name, arguments, type, new ObjectKernel(values -> Arrays.asList(values.clone()), type))
                    .withNullHandling(NullHandling.KERNEL);
        }));
        registry.register(ScalarFunction.of("map", 0, Integer.MAX_VALUE, NestedFunctions::map));
        registry.register(ScalarFunction.of("array_element", 2, 2, NestedFunctions::element));
        registry.register(ScalarFunction.of("size", 1, 1, (name, arguments, functions) -> size(name, arguments.getFirst())));
    }

    private static Expression array(String name, List<Expression> arguments, FunctionRegistry registry) {
        BrookType element = arguments.isEmpty() ? BrookType.NOTHING
                : TypeCoercion.supertype(arguments.stream().map(Expression::type).toList());
        List<Expression> converted = element.kind() == TypeKind.NOTHING ? arguments : Arguments.convertAll(arguments, element, registry);
        BrookType type = BrookType.array(element);
        return FunctionCall.of(name, converted, type, new ObjectKernel(values -> Arrays.asList(values.clone()), type))
                .withNullHandling(NullHandling.KERNEL);
    }

    private static Expression map(String name, List<Expression> arguments, FunctionRegistry registry) {
        if (arguments.size() % 2 != 0) {
            throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function map requires an even number of arguments");
        }
        List<Expression> keys = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        for (int index = 0; index < arguments.size(); index += 2) {
            keys.add(arguments.get(index));
            values.add(arguments.get(index + 1));
        }
        BrookType keyType = keys.isEmpty() ? BrookType.STRING : TypeCoercion.supertype(keys.stream().map(Expression::type).toList()).base();
        BrookType valueType = values.isEmpty() ? BrookType.STRING : TypeCoercion.supertype(values.stream().map(Expression::type).toList());
        List<Expression> converted = new ArrayList<>();
        for (int index = 0; index < keys.size(); index++) {
            converted.add(Arguments.convert(keys.get(index), keyType, registry));
            converted.add(Arguments.convert(values.get(index), valueType, registry));
        }
        BrookType type = BrookType.map(keyType, valueType);
        return FunctionCall.of(name, converted, type, new ObjectKernel(items -> {
            Map<Object, Object> result = new LinkedHashMap<>();
            for (int index = 0; index + 1 < items.length; index += 2) {
                result.put(items[index], items[index + 1]);
            }
            return result;
        }, type)).withNullHandling(NullHandling.KERNEL);
    }

    private static Expression element(String name, List<Expression> arguments, FunctionRegistry registry) {
        Expression container = arguments.get(0);
        Expression index = arguments.get(1);
        BrookType type = container.type().base();
        if (type.kind() == TypeKind.ARRAY) {
            if (!TypeCoercion.isIntegral(index.type())) {
                throw Arguments.illegalType(name, index);
            }
            BrookType result = type.element();
            return FunctionCall.of(name, arguments, result, new ObjectKernel(values -> {
                List<?> items = (List<?>) values[0];
                if (items == null || values[1] == null) {
                    return defaultValue(result);
                }
                long position = ((Number) values[1]).longValue();
                long zeroBased = position > 0 ? position - 1 : items.size() + position;
                return position != 0 && zeroBased >= 0 && zeroBased < items.size() ? items.get((int) zeroBased) : defaultValue(result);
            }, result)).withNullHandling(NullHandling.KERNEL);
        }
        if (type.kind() == TypeKind.MAP) {
            BrookType keyType = type.elements().get(0);
            BrookType result = type.elements().get(1);
            Expression key = index instanceof Literal literal ? ComparisonFunctions.adaptConstant(literal, keyType, registry) : index;
            Expression converted = Arguments.convert(key, keyType, registry);
            return FunctionCall.of(name, List.of(container, converted), result, new ObjectKernel(values -> {
                Map<?, ?> map = (Map<?, ?>) values[0];
                Object found = map == null ? null : map.get(values[1]);
                return found != null ? found : defaultValue(result);
            }, result)).withNullHandling(NullHandling.KERNEL);
        }
        throw Arguments.illegalType(name, container);
    }

    /** What a missing element reads as: NULL for nullable types, the zero value otherwise. */
    private static Object defaultValue(BrookType type) {
        if (type.nullable() || type.kind() == TypeKind.NOTHING) {
            return null;
        }
        return switch (type.kind()) {
            case STRING, FIXED_STRING -> "";
            case BOOL -> false;
            case FLOAT32, FLOAT64 -> 0.0;
            case DECIMAL -> java.math.BigDecimal.ZERO;
            case DATE, DATE32 -> java.time.LocalDate.EPOCH;
            case DATETIME, DATETIME64 -> java.time.Instant.EPOCH;
            case UUID -> new java.util.UUID(0, 0);
            case ARRAY, TUPLE -> List.of();
            case MAP -> Map.of();
            default -> 0L;
        };
    }

    public static Expression size(String name, Expression container) {
        TypeKind kind = container.type().kind();
        if (kind != TypeKind.ARRAY && kind != TypeKind.MAP) {
            throw Arguments.illegalType(name, container);
        }
        return FunctionCall.of(name, List.of(container), BrookType.UINT64.withNullable(container.type().nullable()),
                new NestedSize(NestedSize.Kind.LENGTH, Storage.UINT64));
    }

    public static Expression emptiness(String name, Expression container, boolean empty) {
        return FunctionCall.of(name, List.of(container), BrookType.BOOL.withNullable(container.type().nullable()),
                new NestedSize(empty ? NestedSize.Kind.EMPTY : NestedSize.Kind.NOT_EMPTY, Storage.BIT));
    }
}
