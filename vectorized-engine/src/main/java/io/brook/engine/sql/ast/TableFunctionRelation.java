package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/**
 * A table function in FROM: {@code table(s)}, {@code tumble(s, [ts,] 5s)}, {@code hop(s, 1s, 5s)},
 * {@code session(s, ts, 5s)}, {@code tumble(table(s), 5s)} (SPEC 1.4, 1.8).
 *
 * <p>The first argument is the {@code input} relation when it is written as a name, as another
 * table function or as a parenthesised subquery; the remaining arguments are {@code arguments}.
 * A function whose first argument is anything else (e.g. {@code numbers(10)}) has a {@code null}
 * input and all its arguments in {@code arguments}.
 *
 * @param function the function name as written (match it ignoring case)
 * @param alias    the alias, or {@code null}
 */
public record TableFunctionRelation(String function, Relation input, List<Expression> arguments,
                                    String alias) implements Relation {
    public TableFunctionRelation {
        Objects.requireNonNull(function, "function");
        arguments = List.copyOf(arguments);
    }
}
