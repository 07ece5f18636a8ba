package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;

import java.util.List;

/**
 * A bound, typed expression, evaluated one chunk at a time.
 *
 * <p>Evaluation model: results are computed at the chunk's live physical positions and written
 * at the same physical positions of a vector whose value count is
 * {@link Chunk#physicalRowCount()}; positions the selection skips are undefined. A projection can
 * therefore mix input columns and computed ones under one selection.
 *
 * <p>Implementations are immutable and may be evaluated by several threads at once.
 */
public interface Expression {

    BrookType type();

    /** The value at every live position; owned values must be closed by the caller. */
    ColumnValue evaluate(Chunk chunk, QueryContext context);

    /** SQL-like text for EXPLAIN and for naming result columns. */
    String describe();

    /** True when the value is the same for every row (a literal, or a folded call). */
    default boolean isConstant() {
        return false;
    }

    /** The direct sub-expressions, for the planner's tree walks. */
    default List<Expression> children() {
        return List.of();
    }

    /**
     * Filter entry point: writes the live physical positions where this boolean expression is
     * true (null counts as false) into {@code out}, ascending, and returns how many. {@code out}
     * must hold at least {@link Chunk#size()} entries.
     */
    default int selectInto(Chunk chunk, QueryContext context, int[] out) {
        return Selections.whereTrue(this, chunk, context, out);
    }

    /**
     * Fused-filter entry point: sets {@code mask} to the rows of the dense {@code chunk} where
     * this boolean expression is true (null counts as false), exactly the rows
     * {@link #selectInto} selects. The default builds the selection and turns it into bits;
     * kernels that can write the bits directly override it.
     */
    default void maskInto(Chunk chunk, QueryContext context, RowMask mask) {
        int[] positions = mask.positionBuffer(chunk.size());
        int count = selectInto(chunk, context, positions);
        mask.setPositions(chunk.size(), positions, count);
    }
}
