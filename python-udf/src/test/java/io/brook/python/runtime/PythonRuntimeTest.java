package io.brook.python.runtime;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.external.EngineServices;
import io.brook.engine.testing.Sql;
import io.brook.python.SharedEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonRuntimeTest {

    @Test
    void systemPythonReportsTheRuntimeWithItsJitOnUnderTheArgfile() {
        try (Session session = SharedEngine.session()) {
            List<List<Object>> rows = Sql.rows(session,
                    "SELECT runtime, graalpy_version, python_version, jit, pool_size, output FROM system.python");
            assertEquals(1, rows.size());
            List<Object> row = rows.getFirst();
            assertEquals("GraalPy", row.get(0));
            assertEquals("25.0.3", row.get(1));
            assertTrue(row.get(2).toString().startsWith("3."), row.toString());
            assertEquals(true, row.get(3), "tests run with brook-jvm.args, which turns GraalPy's JIT on");
            assertEquals((long) Runtime.getRuntime().availableProcessors(), row.get(4));
            assertEquals("console", row.get(5));
        }
    }

    @Test
    void localApiGlobalsAreInjectedWhenTheEngineHasALocalApiUser() {
        try (Engine engine = Engine.open(EngineConfig.memory("python-local-api")); Session session = engine.openSession(Map.of())) {
            EngineServices.LocalApiUser user = engine.enableLocalApiUser();
            session.execute("""
                    CREATE EXTERNAL STREAM api_user (name string, password string) AS $$
                    def api_user():
                        return [(__timeplus_local_api_user, __timeplus_local_api_password)]
                    $$ SETTINGS type='python'""");
            assertEquals(List.of(List.of(user.user(), user.password())), Sql.rows(session, "SELECT * FROM api_user"));
            assertTrue(user.password().length() >= 32, "a random token");
        }
    }

    @Test
    void contextsAreReusedFromThePool() {
        try (Session session = SharedEngine.session()) {
            session.execute("""
                    CREATE EXTERNAL STREAM pooled (n int64) AS $$
                    def pooled():
                        return [(1,)]
                    $$ SETTINGS type='python'""");
            Sql.rows(session, "SELECT n FROM pooled");
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Sql.single(session, "SELECT idle_contexts >= pool_size FROM system.python").equals(true)
                    && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            long created = (Long) Sql.single(session, "SELECT contexts_created FROM system.python");
            for (int i = 0; i < 5; i++) {
                Sql.rows(session, "SELECT n FROM pooled");
            }
            assertEquals(created, Sql.single(session, "SELECT contexts_created FROM system.python"),
                    "sequential queries lease warm contexts instead of making new ones");
        }
    }
}
