package io.brook.engine.sql;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the first error ANTLR reports into a {@link io.brook.engine.error.BrookException}, with a
 * short reason instead of ANTLR's token-set dumps: "expected ')'", "expected identifier",
 * "unterminated string literal".
 */
final class SyntaxErrorListener extends BaseErrorListener {
    /** Beyond this many alternatives a list of what was expected stops helping. */
    private static final int MAX_EXPECTED = 5;

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                            int charPositionInLine, String msg, RecognitionException e) {
        if (!(recognizer instanceof Parser parser) || !(offendingSymbol instanceof Token token)) {
            // The lexer has a catch-all token, so it never reports; keep a sane answer anyway.
            throw SyntaxErrors.at(line, charPositionInLine + 1, "?", "unexpected character");
        }
        Token alias = implicitAliasBefore(parser, token);
        if (alias != null) {
            throw SyntaxErrors.at(alias, "unexpected word; is it a misspelled keyword?");
        }
        throw SyntaxErrors.at(token, reason(parser, token, e));
    }

    private static String reason(Parser parser, Token token, RecognitionException e) {
        switch (token.getType()) {
            case BrookLexer.UNTERMINATED_STRING -> {
                return "unterminated string literal";
            }
            case BrookLexer.UNTERMINATED_IDENTIFIER -> {
                return "unterminated quoted identifier";
            }
            case BrookLexer.UNTERMINATED_BODY -> {
                return "unterminated $$ body";
            }
            case BrookLexer.UNTERMINATED_COMMENT -> {
                return "unterminated comment";
            }
            case BrookLexer.UNRECOGNIZED -> {
                return "unexpected character";
            }
            default -> {
                String expected = describeExpected(parser, token, e);
                if (token.getType() == Token.EOF) {
                    return expected == null ? "unexpected end of input"
                            : "unexpected end of input, expected " + expected;
                }
                return expected == null ? "unexpected input" : "expected " + expected;
            }
        }
    }

    /** A short list such as {@code ')' or ','}, or null when the list would be long or misleading. */
    private static String describeExpected(Parser parser, Token token, RecognitionException e) {
        if (e instanceof NoViableAltException noViable && noViable.getStartToken() != token) {
            // The decision began earlier; its expected set says nothing about this token.
            return null;
        }
        IntervalSet expected = e != null && e.getExpectedTokens() != null
                ? e.getExpectedTokens() : parser.getExpectedTokens();
        ATN atn = parser.getATN();
        IntervalSet expressionStart = atn.nextTokens(atn.ruleToStartState[BrookParser.RULE_expression]);
        IntervalSet identifierStart = atn.nextTokens(atn.ruleToStartState[BrookParser.RULE_identifier]);
        List<String> names = new ArrayList<>();
        IntervalSet remaining = expected;
        if (containsAll(expected, expressionStart)) {
            names.add("expression");
            remaining = remaining.subtract(expressionStart);
        } else if (expected.contains(BrookLexer.IDENTIFIER)) {
            names.add("identifier");
            remaining = remaining.subtract(identifierStart);
        }
        for (int type : remaining.toList()) {
            names.add(displayName(parser, type));
        }
        if (names.isEmpty() || names.size() > MAX_EXPECTED) {
            return null;
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    private static boolean containsAll(IntervalSet set, IntervalSet subset) {
        return subset.subtract(set).isNil();
    }

    private static String displayName(Parser parser, int type) {
        switch (type) {
            case Token.EOF -> {
                return "end of input";
            }
            case BrookLexer.IDENTIFIER -> {
                return "identifier";
            }
            case BrookLexer.INTEGER -> {
                return "integer";
            }
            case BrookLexer.DECIMAL -> {
                return "number";
            }
            case BrookLexer.STRING -> {
                return "string";
            }
            case BrookLexer.DURATION -> {
                return "interval";
            }
            case BrookLexer.DOLLAR_BODY -> {
                return "$$ body";
            }
            default -> {
                String literal = parser.getVocabulary().getLiteralName(type);
                if (literal == null) {
                    return parser.getVocabulary().getSymbolicName(type);
                }
                String bare = literal.substring(1, literal.length() - 1);
                // Keywords read better bare (FROM); punctuation needs its quotes (')').
                return Character.isLetter(bare.charAt(0)) ? bare : literal;
            }
        }
    }

    /**
     * The word just before {@code token} when the parser took it for an alias written without AS.
     * {@code SELECT a FRM s} fails at {@code s}, but the mistake is {@code FRM}: a misspelled
     * keyword reads as an alias, and the error only shows one token later.
     */
    private static Token implicitAliasBefore(Parser parser, Token token) {
        TokenStream tokens = parser.getInputStream();
        int index = token.getTokenIndex() - 1;
        while (index >= 0 && tokens.get(index).getChannel() != Token.DEFAULT_CHANNEL) {
            index--;
        }
        if (index < 0 || token.getType() == Token.EOF) {
            return null;
        }
        Token previous = tokens.get(index);
        ParserRuleContext root = parser.getContext();
        while (root != null && root.getParent() != null) {
            root = root.getParent();
        }
        return root != null && endsImplicitAlias(root, previous) ? previous : null;
    }

    private static boolean endsImplicitAlias(ParseTree tree, Token previous) {
        if (tree instanceof BrookParser.ImplicitAliasContext alias) {
            return alias.getStop() == previous;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (endsImplicitAlias(tree.getChild(i), previous)) {
                return true;
            }
        }
        return false;
    }
}
