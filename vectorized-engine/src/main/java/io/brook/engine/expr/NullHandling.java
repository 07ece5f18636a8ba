package io.brook.engine.expr;

/** Who decides which results of a {@link FunctionCall} are null. */
public enum NullHandling {
    /** Null when any argument is null; the call sets validity, the kernel writes values only. */
    PROPAGATE,
    /** The kernel sets validity itself (coalesce, is_null, functions returning null on bad input). */
    KERNEL
}
