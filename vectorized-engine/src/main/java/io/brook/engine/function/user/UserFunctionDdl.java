package io.brook.engine.function.user;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.EngineServices;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.UserFunctions;
import io.brook.engine.sql.SqlParser;
import io.brook.engine.sql.ast.CreateFunction;
import io.brook.engine.sql.ast.DropFunction;
import io.brook.engine.sql.ast.ParameterDef;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CREATE [OR REPLACE] [AGGREGATE] FUNCTION and DROP FUNCTION (SPEC 3.8): the body is compiled
 * by its language's module, the DDL persisted in the catalog, and the function registered
 * beside the built-ins. A built-in cannot be replaced or dropped, and a function a materialized
 * view calls cannot be dropped.
 */
public final class UserFunctionDdl {
    private final Catalog catalog;
    private final FunctionRegistry registry;
    private final FunctionLanguages languages;
    private final EngineServices services;

    public UserFunctionDdl(Catalog catalog, FunctionRegistry registry, FunctionLanguages languages, EngineServices services) {
        this.catalog = catalog;
        this.registry = registry;
        this.languages = languages;
        this.services = services;
    }

    /** Creates (or, with OR REPLACE, replaces) a function; {@code replaying} at engine start. */
    public synchronized void create(CreateFunction create, String ddl, boolean replaying) {
        String name = create.name();
        UserFunctionDefinition existing = catalog.function(name);
        if (existing == null && registry.exists(name)) {
            throw new BrookException(ErrorCode.FUNCTION_ALREADY_EXISTS,
                    "Function " + name + " already exists: it is a built-in function");
        }
        if (existing != null && !create.orReplace() && !replaying) {
            throw new BrookException(ErrorCode.FUNCTION_ALREADY_EXISTS, "User-defined function " + name
                    + " already exists (use CREATE OR REPLACE FUNCTION to change it)");
        }
        FunctionLanguage language = languages.find(create.language());
        UserFunctionDefinition definition = new UserFunctionDefinition(name, create.aggregate(), parameters(create),
                TypeParser.parse(create.returns().toString()), create.language(), create.body(), create.bodyLine());
        if (create.aggregate()) {
            UserAggregateFunction function = language.compileAggregate(definition, services);
            catalog.putFunction(definition, ddl, !replaying);
            registry.register(UserFunctions.aggregate(definition, function));
        } else {
            UserScalarFunction function = language.compileScalar(definition, services);
            catalog.putFunction(definition, ddl, !replaying);
            registry.register(UserFunctions.scalar(definition, function));
        }
        registry.markUserDefined(name);
    }

    public synchronized void drop(DropFunction drop) {
        String name = drop.name();
        if (catalog.function(name) == null) {
            if (registry.exists(name)) {
                throw new BrookException(ErrorCode.CANNOT_DROP_FUNCTION,
                        "Cannot drop function " + name + ": it is a built-in function");
            }
            if (drop.ifExists()) {
                return;
            }
            throw new BrookException(ErrorCode.UNKNOWN_FUNCTION, "Function " + name + " doesn't exist");
        }
        for (Map.Entry<String, String> view : catalog.viewDefinitions().entrySet()) {
            if (SqlParser.calledNames(view.getValue()).contains(name)) {
                throw new BrookException(ErrorCode.CANNOT_DROP_FUNCTION, "Cannot drop function " + name
                        + ": materialized view " + view.getKey() + " calls it (drop the view first)");
            }
        }
        catalog.removeFunction(name);
        registry.unregister(name);
    }

    private static List<Column> parameters(CreateFunction create) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParameterDef parameter : create.parameters()) {
            if (!seen.add(parameter.name())) {
                throw new BrookException(ErrorCode.DUPLICATE_COLUMN, "Parameter " + parameter.name()
                        + " appears twice in function " + create.name());
            }
            BrookType type = TypeParser.parse(parameter.type().toString());
            columns.add(Column.of(parameter.name(), type));
        }
        return columns;
    }
}
