package io.brook.python.runtime;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.testing.Sql;

import java.util.Map;

/** Run in a JVM without the JIT flags: Python still works; prints what the parent test checks. */
public final class InterpretedMain {
    private InterpretedMain() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.open(EngineConfig.memory("interpreted")); Session session = engine.openSession(Map.of())) {
            session.execute("""
                    CREATE EXTERNAL STREAM squares (n int64) AS $$
                    def squares():
                        return [(i * i,) for i in range(10)]
                    $$ SETTINGS type='python'""");
            System.out.println("sum=" + Sql.single(session, "SELECT sum(n) FROM squares"));
            System.out.println("jit=" + Sql.single(session, "SELECT jit FROM system.python"));
        }
    }
}
