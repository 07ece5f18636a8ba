package io.brook.engine.expr;

/** Questions about a whole bound expression tree. */
public final class ExpressionTrees {
    private ExpressionTrees() {
    }

    /** True when some node calls a user-defined function. */
    public static boolean runsUserCode(Expression expression) {
        if (expression instanceof FunctionCall call && call.runsUserCode()) {
            return true;
        }
        for (Expression child : expression.children()) {
            if (runsUserCode(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when no node reads a column, so the tree can be evaluated on an empty row: a constant,
     * or a call of constants such as {@code now64() - 10s} that is not folded at bind time.
     */
    public static boolean readsNoColumn(Expression expression) {
        if (expression instanceof ColumnReference) {
            return false;
        }
        for (Expression child : expression.children()) {
            if (!readsNoColumn(child)) {
                return false;
            }
        }
        return true;
    }
}
