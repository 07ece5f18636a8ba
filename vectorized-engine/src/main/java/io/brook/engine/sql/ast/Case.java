package io.brook.engine.sql.ast;

import java.util.List;

/**
 * {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}. With an operand, each WHEN value is
 * compared to it; without, each WHEN is a condition.
 *
 * @param operand   the value after CASE, or {@code null}
 * @param elseValue the ELSE result, or {@code null} (NULL)
 */
public record Case(Expression operand, List<WhenClause> whenClauses, Expression elseValue)
        implements Expression {
    public Case {
        whenClauses = List.copyOf(whenClauses);
        if (whenClauses.isEmpty()) {
            throw new IllegalArgumentException("CASE has at least one WHEN");
        }
    }
}
