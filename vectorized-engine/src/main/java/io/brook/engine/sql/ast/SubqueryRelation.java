package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code (SELECT ...) [AS] alias}; {@code alias} may be {@code null}. */
public record SubqueryRelation(Query query, String alias) implements Relation {
    public SubqueryRelation {
        Objects.requireNonNull(query, "query");
    }
}
