package io.brook.engine.function.user;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.BrookType;

import java.util.List;

/** What CREATE [AGGREGATE] FUNCTION said: name, parameters, return type, language and body. */
public record UserFunctionDefinition(
        String name,
        boolean aggregate,
        List<Column> parameters,
        BrookType returnType,
        String language,
        String body,
        int bodyStartLine) {

    public UserFunctionDefinition {
        parameters = List.copyOf(parameters);
    }

    /** {@code f(a int64, b string) RETURNS float64 LANGUAGE PYTHON}, for listings. */
    public String signature() {
        java.util.StringJoiner joiner = new java.util.StringJoiner(", ", name + "(", ")");
        parameters.forEach(parameter -> joiner.add(parameter.name() + " " + parameter.type()));
        return (aggregate ? "AGGREGATE " : "") + joiner + " RETURNS " + returnType + " LANGUAGE "
                + language.toUpperCase(java.util.Locale.ROOT);
    }
}
