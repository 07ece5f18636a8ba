package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** abs / round / floor / ceil / truncate of decimals, keeping the type; round is half away from zero. */
public final class DecimalUnary implements ScalarKernel {
    private final UnaryMath.Kind kind;
    private final BrookType type;
    private final int digits;

    public DecimalUnary(UnaryMath.Kind kind, BrookType type, int digits) {
        this.kind = kind;
        this.type = type;
        this.digits = digits;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            if (!operands[0].isValid(position)) {
                continue;
            }
            BigDecimal value = operands[0].isConstant() ? (BigDecimal) operands[0].constant().value()
                    : Decimals.get(operands[0].vector(), position, type);
            BigDecimal result = switch (kind) {
                case ABS -> value.abs();
                case NEGATE -> value.negate();
                case ROUND -> value.setScale(digits, RoundingMode.HALF_UP);
                case FLOOR -> value.setScale(digits, RoundingMode.FLOOR);
                case CEIL -> value.setScale(digits, RoundingMode.CEILING);
                case TRUNCATE -> value.setScale(digits, RoundingMode.DOWN);
                default -> throw new IllegalStateException(kind + " is not a decimal operation");
            };
            Decimals.put(output, position, result.setScale(type.scale(), RoundingMode.DOWN));
        }
    }
}
