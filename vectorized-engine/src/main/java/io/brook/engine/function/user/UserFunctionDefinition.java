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
}
