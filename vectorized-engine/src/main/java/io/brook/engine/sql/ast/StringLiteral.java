package io.brook.engine.sql.ast;

import java.util.Objects;

/** A quoted string with escapes already resolved. */
public record StringLiteral(String value) implements Literal {
    public StringLiteral {
        Objects.requireNonNull(value, "value");
    }
}
