package io.brook.engine.sql.ast;

import java.util.Objects;

/** A parameter of CREATE FUNCTION: {@code name type}. */
public record ParameterDef(String name, DataTypeSpec type) {
    public ParameterDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
