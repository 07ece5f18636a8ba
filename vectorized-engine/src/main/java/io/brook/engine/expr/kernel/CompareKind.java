package io.brook.engine.expr.kernel;

/** How two operands are compared once the registry has brought them to comparable types. */
public enum CompareKind {
    /** Integers, bool, and temporal values of one unit, as signed longs. */
    SIGNED,
    /** Two uint64 operands. */
    UNSIGNED,
    /** Any numbers when a float is involved (also uint64 against a signed integer). */
    DOUBLE,
    /** Decimals of the same scale. */
    DECIMAL,
    /** Strings, fixed strings and uuids, byte by byte (UTF-8 code point order). */
    BYTES
}
