package io.brook.engine.expr.kernel.cast;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.cast.CastKernel.OnError;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

/** Picks the conversion kernel for a pair of types; null when the values need no conversion. */
public final class CastKernels {
    private CastKernels() {
    }

    /**
     * @param strictNulls a NULL converted to a non-nullable type fails (CAST) rather than
     *                    staying null (the {@code to_*} functions, whose result is nullable)
     */
    public static ScalarKernel of(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        TypeKind source = from.kind();
        TypeKind target = to.kind();
        if (from.base().equals(to.base()) && onError == OnError.FAIL && !(strictNulls && from.nullable() && !to.nullable())) {
            return null;
        }
        if (target == TypeKind.STRING) {
            return new ToStringCast(from, to, onError, strictNulls);
        }
        if (source.isStringLike() && target != TypeKind.ARRAY && target != TypeKind.MAP && target != TypeKind.TUPLE) {
            return new FromStringCast(from, to, onError, strictNulls);
        }
        boolean numericSource = source.isNumeric() || source == TypeKind.BOOL;
        if (target == TypeKind.DECIMAL && numericSource || source == TypeKind.DECIMAL && target.isInteger()) {
            return new DecimalCast(from, to, onError, strictNulls);
        }
        if ((target.isNumeric() || target == TypeKind.BOOL) && (numericSource || source.isTemporal())) {
            return new NumericCast(from, to, onError, strictNulls);
        }
        if (target.isTemporal() && (numericSource || source.isTemporal())) {
            return new TemporalCast(from, to, onError, strictNulls);
        }
        if (target == TypeKind.ARRAY && source == TypeKind.ARRAY) {
            return new ArrayCast(from, to, onError, strictNulls);
        }
        if (from.base().equals(to.base())) {
            return new SameTypeCast(from, to, onError, strictNulls);
        }
        throw new BrookException(ErrorCode.CANNOT_CONVERT_TYPE, "Conversion from " + from + " to " + to + " is not supported");
    }
}
