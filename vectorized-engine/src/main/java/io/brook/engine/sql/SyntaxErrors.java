package io.brook.engine.sql;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Makes the one message shape every syntax error has (SPEC 2, code 62):
 * {@code Syntax error at line L, column C near 'token': reason}, with 1-based line and column.
 */
final class SyntaxErrors {
    private static final int MAX_NEAR_LENGTH = 30;

    private SyntaxErrors() {
    }

    static BrookException at(Token token, String reason) {
        String near = token.getType() == Token.EOF ? "<EOF>" : shorten(token.getText());
        return at(token.getLine(), token.getCharPositionInLine() + 1, near, reason);
    }

    static BrookException at(TerminalNode node, String reason) {
        return at(node.getSymbol(), reason);
    }

    static BrookException at(int line, int column, String near, String reason) {
        return new BrookException(ErrorCode.SYNTAX_ERROR,
                "Syntax error at line " + line + ", column " + column + " near '" + near + "': " + reason);
    }

    /** The first line of a token, cut short: an unterminated string can swallow the whole script. */
    private static String shorten(String text) {
        int newline = text.indexOf('\n');
        String firstLine = newline < 0 ? text : text.substring(0, newline);
        if (firstLine.length() > MAX_NEAR_LENGTH) {
            return firstLine.substring(0, MAX_NEAR_LENGTH) + "...";
        }
        return newline < 0 ? firstLine : firstLine + "...";
    }
}
