package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [OR REPLACE] [AGGREGATE] FUNCTION f(a type, ...) RETURNS type LANGUAGE lang AS $$ body $$}
 * (SPEC 3.8).
 *
 * @param language the language word as written ({@code PYTHON}, {@code python}); match it ignoring case
 * @param body     the body verbatim (between {@code $$}, or the value of a quoted string)
 * @param bodyLine the 1-based line of the statement text on which the body starts
 */
public record CreateFunction(String name, boolean orReplace, boolean aggregate,
                             List<ParameterDef> parameters, DataTypeSpec returns, String language,
                             String body, int bodyLine) implements Statement {
    public CreateFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(body, "body");
        parameters = List.copyOf(parameters);
    }
}
