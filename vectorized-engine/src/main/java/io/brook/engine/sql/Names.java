package io.brook.engine.sql;

import io.brook.engine.sql.BrookParser.IdentifierContext;
import io.brook.engine.sql.BrookParser.QualifiedNameContext;
import io.brook.engine.sql.ast.QualifiedName;
import org.antlr.v4.runtime.Token;

import java.util.List;

/** Names as the user meant them: quotes removed, case kept, keywords spelled as typed. */
final class Names {
    private Names() {
    }

    static String identifier(IdentifierContext context) {
        Token token = context.getStart();
        return switch (token.getType()) {
            case BrookLexer.BACKQUOTED_IDENTIFIER, BrookLexer.DOUBLEQUOTED_IDENTIFIER ->
                    TokenText.unquote(token.getText());
            default -> token.getText();
        };
    }

    static List<String> identifiers(List<IdentifierContext> contexts) {
        return contexts.stream().map(Names::identifier).toList();
    }

    static QualifiedName qualifiedName(QualifiedNameContext context) {
        List<IdentifierContext> parts = context.identifier();
        return parts.size() == 1
                ? new QualifiedName(null, identifier(parts.getFirst()))
                : new QualifiedName(identifier(parts.get(0)), identifier(parts.get(1)));
    }
}
