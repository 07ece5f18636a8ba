package io.brook.engine.types;

/** The kinds of value Brook stores (SPEC 1.9), before parameters such as precision or timezone. */
public enum TypeKind {
    INT8, INT16, INT32, INT64,
    UINT8, UINT16, UINT32, UINT64,
    FLOAT32, FLOAT64,
    DECIMAL,
    BOOL,
    STRING, FIXED_STRING, UUID,
    DATE, DATE32, DATETIME, DATETIME64,
    ARRAY, MAP, TUPLE,
    /** The type of a bare NULL literal before it meets a column. */
    NOTHING;

    public boolean isInteger() {
        return ordinal() <= UINT64.ordinal();
    }

    public boolean isUnsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64;
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }

    public boolean isNumeric() {
        return isInteger() || isFloating() || this == DECIMAL;
    }

    public boolean isStringLike() {
        return this == STRING || this == FIXED_STRING;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATE32 || this == DATETIME || this == DATETIME64;
    }

    public boolean isNested() {
        return this == ARRAY || this == MAP || this == TUPLE;
    }
}
