package io.brook.engine.sql;

import io.brook.engine.sql.BrookParser.DataTypeContext;
import io.brook.engine.sql.BrookParser.IntegerTypeArgumentContext;
import io.brook.engine.sql.BrookParser.NamedTypeArgumentContext;
import io.brook.engine.sql.BrookParser.NestedTypeArgumentContext;
import io.brook.engine.sql.BrookParser.StringTypeArgumentContext;
import io.brook.engine.sql.BrookParser.TypeArgumentContext;
import io.brook.engine.sql.ast.DataTypeSpec;

import java.util.List;

/** Builds {@link DataTypeSpec}s from the {@code dataType} rule. */
final class TypeBuilder {
    private TypeBuilder() {
    }

    static DataTypeSpec dataType(DataTypeContext context) {
        String name = Names.identifier(context.identifier());
        List<Object> arguments = context.typeArgument().stream().map(TypeBuilder::argument).toList();
        return new DataTypeSpec(name, arguments);
    }

    private static Object argument(TypeArgumentContext context) {
        return switch (context) {
            case IntegerTypeArgumentContext integer -> {
                try {
                    yield Integer.parseInt(integer.INTEGER().getText());
                } catch (NumberFormatException tooLarge) {
                    throw SyntaxErrors.at(integer.INTEGER(), "type argument out of range");
                }
            }
            case StringTypeArgumentContext string -> TokenText.unquote(string.STRING().getText());
            case NamedTypeArgumentContext field ->
                    new DataTypeSpec.Field(Names.identifier(field.identifier()), dataType(field.dataType()));
            case NestedTypeArgumentContext nested -> dataType(nested.dataType());
            default -> throw new IllegalStateException("unknown type argument " + context.getText());
        };
    }
}
