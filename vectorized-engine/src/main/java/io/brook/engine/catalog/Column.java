package io.brook.engine.catalog;

import io.brook.engine.types.BrookType;

/**
 * A column of a stream, external stream or result: its name, type, and the DEFAULT expression
 * text (null when the type's zero value is used).
 */
public record Column(String name, BrookType type, String defaultExpression) {

    public static Column of(String name, BrookType type) {
        return new Column(name, type, null);
    }
}
