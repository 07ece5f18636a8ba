package io.brook.engine.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Result types and implicit conversions, following ClickHouse/Timeplus: integer arithmetic
 * widens (int32 + int32 is int64), any float makes float64, a supertype for CASE/coalesce/array
 * arguments is the smallest type holding every argument, and no supertype is an error.
 */
public final class TypeCoercion {
    private TypeCoercion() {
    }

    /** Bits of an integer type; bool counts as uint8. */
    public static int bits(TypeKind kind) {
        return switch (kind) {
            case INT8, UINT8, BOOL -> 8;
            case INT16, UINT16 -> 16;
            case INT32, UINT32 -> 32;
            default -> 64;
        };
    }

    public static boolean isIntegral(BrookType type) {
        return type.kind().isInteger() || type.kind() == TypeKind.BOOL;
    }

    public static boolean isSigned(TypeKind kind) {
        return kind.isInteger() && !kind.isUnsigned();
    }

    public static BrookType integer(int bits, boolean signed) {
        return switch (bits) {
            case 8 -> signed ? BrookType.INT8 : BrookType.UINT8;
            case 16 -> signed ? BrookType.INT16 : BrookType.UINT16;
            case 32 -> signed ? BrookType.INT32 : BrookType.UINT32;
            default -> signed ? BrookType.INT64 : BrookType.UINT64;
        };
    }

    /** plus / multiply of integers: the next wider size, signed if either is (ClickHouse rule). */
    public static BrookType widenedInteger(BrookType left, BrookType right, boolean forceSigned) {
        int bits = Math.max(bits(left.kind()), bits(right.kind()));
        boolean signed = forceSigned || isSigned(left.kind()) || isSigned(right.kind());
        return integer(Math.min(64, bits * 2), signed);
    }

    /** Integer supertype without widening beyond need (modulo, int_div, least/greatest). */
    public static BrookType integerSupertype(BrookType left, BrookType right) {
        boolean signed = isSigned(left.kind()) || isSigned(right.kind());
        int bits = Math.max(neededBits(left.kind(), signed), neededBits(right.kind(), signed));
        if (bits > 64) {
            throw noCommonType(left, right);
        }
        return integer(bits, signed);
    }

    private static int neededBits(TypeKind kind, boolean signedResult) {
        int bits = bits(kind);
        return signedResult && !isSigned(kind) ? bits * 2 : bits;
    }

    /** The smallest type both values fit, nullable if either is; NO_COMMON_TYPE when none. */
    public static BrookType supertype(BrookType left, BrookType right) {
        boolean nullable = left.nullable() || right.nullable();
        if (left.kind() == TypeKind.NOTHING) {
            return right.kind() == TypeKind.NOTHING ? right : right.base().withNullable(true);
        }
        if (right.kind() == TypeKind.NOTHING) {
            return left.base().withNullable(true);
        }
        return supertypeOfBases(left.base(), right.base()).withNullable(nullable);
    }

    public static BrookType supertype(List<BrookType> types) {
        BrookType result = types.getFirst();
        for (int index = 1; index < types.size(); index++) {
            result = supertype(result, types.get(index));
        }
        return result;
    }

    private static BrookType supertypeOfBases(BrookType left, BrookType right) {
        if (left.equals(right)) {
            return left;
        }
        TypeKind a = left.kind();
        TypeKind b = right.kind();
        if (isIntegral(left) && isIntegral(right)) {
            return a == TypeKind.BOOL && b == TypeKind.BOOL ? BrookType.BOOL : integerSupertype(left, right);
        }
        if (a.isNumeric() && b.isNumeric()) {
            return numericSupertype(left, right);
        }
        if (a.isStringLike() && b.isStringLike()) {
            return BrookType.STRING;
        }
        if (a.isTemporal() && b.isTemporal()) {
            return temporalSupertype(left, right);
        }
        if (a == b && a.isNested()) {
            return nestedSupertype(left, right);
        }
        throw noCommonType(left, right);
    }

    private static BrookType numericSupertype(BrookType left, BrookType right) {
        if (left.kind().isFloating() || right.kind().isFloating()) {
            boolean bothSmall = left.kind() == TypeKind.FLOAT32 && right.kind() == TypeKind.FLOAT32;
            return bothSmall ? BrookType.FLOAT32 : BrookType.FLOAT64;
        }
        return decimalSupertype(left, right);
    }

    /** Decimal holding both (an integer operand counts as a decimal with scale 0). */
    public static BrookType decimalSupertype(BrookType left, BrookType right) {
        int scale = Math.max(scale(left), scale(right));
        int integerDigits = Math.max(integerDigits(left), integerDigits(right));
        int precision = Math.min(76, integerDigits + scale);
        return BrookType.decimal(Math.max(precision, 1), scale);
    }

    static int scale(BrookType type) {
        return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
    }

    static int integerDigits(BrookType type) {
        return switch (type.kind()) {
            case DECIMAL -> type.precision() - type.scale();
            case INT8, UINT8, BOOL -> 3;
            case INT16, UINT16 -> 5;
            case INT32, UINT32 -> 10;
            case INT64 -> 19;
            default -> 20;
        };
    }

    private static BrookType temporalSupertype(BrookType left, BrookType right) {
        if (left.kind() == TypeKind.DATETIME64 || right.kind() == TypeKind.DATETIME64) {
            int precision = Math.max(precision(left), precision(right));
            return BrookType.datetime64(precision, timezone(left, right));
        }
        if (left.kind() == TypeKind.DATETIME || right.kind() == TypeKind.DATETIME) {
            return BrookType.datetime(timezone(left, right));
        }
        return BrookType.DATE32;
    }

    private static int precision(BrookType type) {
        return type.kind() == TypeKind.DATETIME64 ? type.precision() : 0;
    }

    private static String timezone(BrookType left, BrookType right) {
        return left.timezone() != null ? left.timezone() : right.timezone();
    }

    private static BrookType nestedSupertype(BrookType left, BrookType right) {
        if (left.elements().size() != right.elements().size()) {
            throw noCommonType(left, right);
        }
        List<BrookType> elements = new ArrayList<>();
        for (int index = 0; index < left.elements().size(); index++) {
            elements.add(supertype(left.elements().get(index), right.elements().get(index)));
        }
        return switch (left.kind()) {
            case ARRAY -> BrookType.array(elements.getFirst());
            case MAP -> BrookType.map(elements.get(0), elements.get(1));
            default -> BrookType.tuple(elements, left.fieldNames());
        };
    }

    public static BrookException noCommonType(BrookType left, BrookType right) {
        return new BrookException(ErrorCode.NO_COMMON_TYPE,
                "There is no supertype for types " + left + ", " + right + " because some of them are not compatible");
    }

    public static BrookException illegalType(String function, BrookType type) {
        return new BrookException(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                "Illegal type " + type + " of argument of function " + function);
    }
}
