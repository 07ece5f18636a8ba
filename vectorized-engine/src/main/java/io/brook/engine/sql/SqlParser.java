package io.brook.engine.sql;

import io.brook.engine.sql.ast.DataTypeSpec;
import io.brook.engine.sql.ast.Expression;
import io.brook.engine.sql.ast.Statement;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Entry point of Brook's SQL front end: text in, immutable AST ({@link io.brook.engine.sql.ast})
 * out. Every syntax error is a {@link io.brook.engine.error.BrookException} with code
 * SYNTAX_ERROR whose text reads {@code Syntax error at line L, column C near 'token': reason}.
 * Thread-safe: every call builds its own lexer and parser.
 */
public final class SqlParser {
    private SqlParser() {
    }

    /** One statement, optionally followed by {@code ;}. */
    public static Statement parse(String sql) {
        return run(sql, BrookParser::singleStatement,
                (builder, tree) -> builder.statement(tree.statement()));
    }

    /** One expression, e.g. a column's DEFAULT as stored in the catalog. */
    public static Expression parseExpression(String text) {
        return run(text, BrookParser::singleExpression,
                (builder, tree) -> builder.expressions().expression(tree.expression()));
    }

    /** One type, e.g. {@code nullable(datetime64(3, 'UTC'))}. */
    public static DataTypeSpec parseType(String text) {
        return run(text, BrookParser::singleType, (builder, tree) -> TypeBuilder.dataType(tree.dataType()));
    }

    /**
     * Splits a script into statements at top-level {@code ;}, leaving alone semicolons inside
     * strings, quoted identifiers, comments and {@code $$...$$} bodies. Each statement is
     * returned without its {@code ;} and stripped of surrounding blanks; parts holding nothing but
     * blanks and comments are dropped. A statement's text is otherwise untouched, so line numbers
     * inside a {@code $$} body stay right.
     */
    public static List<String> splitStatements(String script) {
        return StatementSplitter.split(script);
    }

    /**
     * The names {@code sql} calls as functions: each identifier directly followed by {@code (}.
     * Strings, comments and bodies are skipped by the lexer, so a name inside them is not counted.
     */
    public static java.util.Set<String> calledNames(String sql) {
        BrookLexer lexer = new BrookLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        java.util.Set<String> names = new java.util.HashSet<>();
        Token previous = null;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (token.getType() == BrookLexer.LPAREN && previous != null) {
                if (previous.getType() == BrookLexer.IDENTIFIER) {
                    names.add(previous.getText());
                } else if (previous.getType() == BrookLexer.BACKQUOTED_IDENTIFIER) {
                    String text = previous.getText();
                    names.add(text.substring(1, text.length() - 1).replace("``", "`"));
                }
            }
            previous = token;
        }
        return names;
    }

    private static <T extends ParserRuleContext, R> R run(String text, Function<BrookParser, T> rule,
                                                           BiFunction<StatementBuilder, T, R> build) {
        BrookLexer lexer = new BrookLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrorListener());
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        BrookParser parser = new BrookParser(tokens);
        T tree = parse(parser, tokens, rule);
        return build.apply(new StatementBuilder(parameterIndexByToken(tokens)), tree);
    }

    /**
     * Tries the fast SLL prediction first, which is right for nearly every valid statement, and
     * falls back to full LL, which also gives the best error position, only when SLL fails.
     */
    private static <T extends ParserRuleContext> T parse(BrookParser parser, CommonTokenStream tokens,
                                                         Function<BrookParser, T> rule) {
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(new SyntaxErrorListener());
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(parser);
        }
    }

    /** Numbers the {@code ?} placeholders left to right, whatever order the builders visit them. */
    private static Map<Integer, Integer> parameterIndexByToken(CommonTokenStream tokens) {
        Map<Integer, Integer> indexes = new HashMap<>();
        for (Token token : tokens.getTokens()) {
            if (token.getType() == BrookLexer.QUESTION) {
                indexes.put(token.getTokenIndex(), indexes.size());
            }
        }
        return indexes;
    }
}
