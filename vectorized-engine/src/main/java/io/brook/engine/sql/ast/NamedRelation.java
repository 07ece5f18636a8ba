package io.brook.engine.sql.ast;

import java.util.Objects;

/** A stream, view or external stream by name; {@code alias} is {@code null} when none was written. */
public record NamedRelation(QualifiedName name, String alias) implements Relation {
    public NamedRelation {
        Objects.requireNonNull(name, "name");
    }
}
