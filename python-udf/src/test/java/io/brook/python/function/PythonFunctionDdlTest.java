package io.brook.python.function;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.brook.python.SharedEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.8: CREATE / DROP FUNCTION, listings, and functions kept in the catalog across restarts. */
@Timeout(180)
class PythonFunctionDdlTest {
    private static final String PLUS = """
            CREATE %s FUNCTION ddl_plus(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
            def ddl_plus(v):
                return [x + %d for x in v]
            $$""";
    private static final String COUNTER = """
            CREATE AGGREGATE FUNCTION ddl_count(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
            class ddl_count:
                def __init__(self):
                    self.n = 0
                def process(self, v):
                    self.n += len(v)
                def finalize(self):
                    return self.n
            $$""";

    @Test
    void functionsAreListedReplacedDroppedAndKeptAcrossRestarts(@TempDir Path data) {
        try (Engine engine = Engine.open(EngineConfig.file(data)); Session session = engine.openSession(Map.of())) {
            session.execute(PLUS.formatted("", 1));
            session.execute(COUNTER);
            assertEquals(List.of(List.of(11L)), Sql.rows(session, "SELECT ddl_plus(10)"));
            BrookException twice = assertThrows(BrookException.class, () -> session.execute(PLUS.formatted("", 2)));
            assertEquals(ErrorCode.FUNCTION_ALREADY_EXISTS, twice.code());
            session.execute(PLUS.formatted("OR REPLACE", 2));
            assertEquals(List.of(List.of(12L)), Sql.rows(session, "SELECT ddl_plus(10)"));
            assertEquals(List.of(List.of("ddl_count", true, "user"), List.of("ddl_plus", false, "user")),
                    Sql.rows(session, "SELECT name, is_aggregate, origin FROM system.functions WHERE origin = 'user' ORDER BY name"));
            assertTrue(Sql.rows(session, "SHOW FUNCTIONS").contains(List.of("ddl_plus", false, "user")));
        }
        try (Engine engine = Engine.open(EngineConfig.file(data)); Session session = engine.openSession(Map.of())) {
            // the replaced body is the one restored
            assertEquals(List.of(List.of(12L)), Sql.rows(session, "SELECT ddl_plus(10)"));
            session.execute("CREATE STREAM ddl_rows (v int64)");
            session.execute("INSERT INTO ddl_rows (v) VALUES (1), (2), (3)");
            assertEquals(List.of(List.of(3L)), Sql.rows(session, "SELECT ddl_count(v) FROM table(ddl_rows)"));
            session.execute("DROP FUNCTION ddl_count");
            assertEquals(ErrorCode.UNKNOWN_FUNCTION,
                    assertThrows(BrookException.class, () -> Sql.rows(session, "SELECT ddl_count(v) FROM table(ddl_rows)")).code());
            assertEquals(ErrorCode.UNKNOWN_FUNCTION,
                    assertThrows(BrookException.class, () -> session.execute("DROP FUNCTION ddl_count")).code());
            session.execute("DROP FUNCTION IF EXISTS ddl_count");
        }
        try (Engine engine = Engine.open(EngineConfig.file(data)); Session session = engine.openSession(Map.of())) {
            assertEquals(List.of(List.of("ddl_plus")),
                    Sql.rows(session, "SELECT name FROM system.functions WHERE origin = 'user'"));
        }
    }

    @Test
    void builtInsCannotBeReplacedOrDropped() {
        try (Session session = SharedEngine.session()) {
            BrookException replace = assertThrows(BrookException.class, () -> session.execute("""
                    CREATE OR REPLACE FUNCTION lower(v string) RETURNS string LANGUAGE PYTHON AS $$
                    def lower(v):
                        return v
                    $$"""));
            assertEquals(ErrorCode.FUNCTION_ALREADY_EXISTS, replace.code());
            BrookException drop = assertThrows(BrookException.class, () -> session.execute("DROP FUNCTION sum"));
            assertEquals(ErrorCode.CANNOT_DROP_FUNCTION, drop.code());
            BrookException language = assertThrows(BrookException.class, () -> session.execute("""
                    CREATE FUNCTION lua_f(v int64) RETURNS int64 LANGUAGE LUA AS $$ return v $$"""));
            assertEquals(ErrorCode.NOT_IMPLEMENTED, language.code());
            assertEquals(List.of(List.of(3L)), Sql.rows(session, "SELECT sum(x) FROM (SELECT 3 AS x)"));
        }
    }

    @Test
    void aFunctionAViewCallsCannotBeDroppedAndAnUncheckpointableAggregateCannotBeInAView() {
        try (Session session = SharedEngine.session()) {
            session.execute(PLUS.formatted("", 5).replace("ddl_plus", "view_plus"));
            session.execute(COUNTER.replace("ddl_count", "view_count"));
            session.execute("CREATE STREAM view_rows (v int64)");
            session.execute("CREATE MATERIALIZED VIEW plus_view AS SELECT view_plus(v) AS w FROM view_rows");
            BrookException drop = assertThrows(BrookException.class, () -> session.execute("DROP FUNCTION view_plus"));
            assertEquals(ErrorCode.CANNOT_DROP_FUNCTION, drop.code());
            assertTrue(drop.getMessage().contains("plus_view"), drop.getMessage());
            BrookException view = assertThrows(BrookException.class, () -> session.execute(
                    "CREATE MATERIALIZED VIEW count_view AS SELECT view_count(v) AS n FROM view_rows"));
            assertTrue(view.getMessage().contains("serialize"), view.getMessage());
            assertEquals(List.of(), Sql.rows(session, "SELECT name FROM system.materialized_views WHERE name = 'count_view'"));
            session.execute("DROP VIEW plus_view");
            session.execute("DROP FUNCTION view_plus");
        }
    }
}
