package io.brook.engine.operator;

/**
 * An operator whose state a materialized view checkpoints (aggregations, DISTINCT). The view
 * calls both methods on its own thread between chunks, so the state is never half-updated.
 */
public interface Checkpointable {

    /** The operator's whole state as bytes. */
    byte[] checkpoint();

    /** Restores a {@link #checkpoint()} of an operator planned the same way into this fresh one. */
    void restore(byte[] checkpoint);
}
