package io.brook.engine.sql.ast;

import java.util.List;

/**
 * A column reference: {@code a}, {@code t.a}, {@code `a b`}, {@code "a"}. Parts are the names as
 * written, quotes removed, case kept.
 */
public record Identifier(List<String> parts) implements Expression {
    public Identifier {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an identifier has at least one part");
        }
    }

    public static Identifier of(String... parts) {
        return new Identifier(List.of(parts));
    }

    /** The last part: the column name without its qualifier. */
    public String name() {
        return parts.getLast();
    }

    /** The parts joined with dots, for messages. */
    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
