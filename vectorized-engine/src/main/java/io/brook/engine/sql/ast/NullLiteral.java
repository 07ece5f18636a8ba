package io.brook.engine.sql.ast;

/** {@code NULL}. */
public record NullLiteral() implements Literal {
    public static final NullLiteral INSTANCE = new NullLiteral();
}
