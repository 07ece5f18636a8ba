package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code left [INNER|LEFT|RIGHT|FULL|CROSS] JOIN right [ON cond | USING (cols)]}. Parsed only; the
 * planner decides what it runs.
 *
 * @param on    the ON condition, or {@code null}
 * @param using the USING columns; empty without USING
 */
public record Join(Relation left, Relation right, Type type, Expression on, List<String> using)
        implements Relation {
    public Join {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(type, "type");
        using = List.copyOf(using);
    }

    public enum Type { INNER, LEFT, RIGHT, FULL, CROSS }
}
