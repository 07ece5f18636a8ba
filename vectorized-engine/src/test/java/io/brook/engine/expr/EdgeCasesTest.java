package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.operator.LimitOperator;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.ProjectOperator;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeCasesTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();
    private final Schema schema = Schema.of("i", BrookType.INT32, "s", BrookType.STRING);

    @AfterEach
    void close() {
        support.close();
    }

    @Test
    void emptySelectionsEvaluateToFullLengthVectors() {
        List<Expression> expressions = List.of(
                registry.call("plus", schema.column("i"), Literal.of(1, BrookType.INT32)),
                registry.call("upper", schema.column("s")),
                registry.call("if", registry.call("greater", schema.column("i"), Literal.of(0, BrookType.INT32)),
                        schema.column("s"), Literal.of("none", BrookType.STRING)),
                registry.call("coalesce", Literal.nullOf(BrookType.NOTHING), schema.column("i")));
        try (Chunk full = support.chunk(schema, List.of(row(1, "a"), row(2, "b")));
             Chunk empty = full.withSelection(new int[0], 0)) {
            for (Expression expression : expressions) {
                assertEquals(List.of(), support.evaluate(expression, empty));
                assertEquals(List.of(), support.select(registry.call("equals", expression, expression), empty));
            }
        }
        try (Chunk nothing = support.chunk(schema, List.of())) {
            assertEquals(List.of(), support.evaluate(expressions.get(1), nothing));
        }
    }

    @Test
    void selectNullAndConstantsInAProjection() {
        CollectingSink sink = new CollectingSink();
        Operator project = new ProjectOperator(List.of(Literal.nullOf(BrookType.NOTHING), Literal.of(7, BrookType.INT64),
                schema.column("s")), support.context(), sink);
        try (Chunk chunk = support.sparseChunk(schema, List.of(row(1, "a"), row(2, "b")), row(0, "f"))) {
            project.push(chunk);
        }
        project.close();
        assertEquals(List.of(Arrays.asList(null, 7L, "a"), Arrays.asList(null, 7L, "b")), sink.rows());
    }

    @Test
    void limitZeroStopsAtOnce() {
        CollectingSink sink = new CollectingSink();
        Operator limit = new LimitOperator(0, 0, support.context(), sink);
        assertTrue(support.context().isStopRequested());
        try (Chunk chunk = support.chunk(schema, List.of(row(1, "a")))) {
            limit.push(chunk);
        }
        limit.close();
        assertEquals(List.of(), sink.rows());
    }
}
