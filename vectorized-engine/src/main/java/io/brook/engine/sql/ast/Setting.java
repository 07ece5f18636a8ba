package io.brook.engine.sql.ast;

import java.util.Objects;

/**
 * One {@code name = value} of a SETTINGS clause or a SET statement. A value written as a bare
 * word ({@code mode=streaming}) arrives as a {@link StringLiteral}, the same as {@code 'streaming'}.
 */
public record Setting(String name, Literal value) {
    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
