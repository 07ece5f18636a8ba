package io.brook.engine.function.user;

import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/** A compiled user scalar function: one call per chunk, one column per argument. */
public interface UserScalarFunction {

    /**
     * Evaluates {@code rowCount} dense rows of {@code arguments}; returns a new vector of
     * {@code resultType} (the declared return type, nullable when an argument is) with
     * {@code rowCount} rows, allocated from the query's allocator.
     */
    FieldVector evaluate(QueryContext context, List<FieldVector> arguments, int rowCount, BrookType resultType);
}
