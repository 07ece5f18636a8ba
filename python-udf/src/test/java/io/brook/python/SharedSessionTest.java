package io.brook.python;

import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test classes that run SQL on a session of the {@link SharedEngine}. */
public abstract class SharedSessionTest {
    protected static Session session;

    @BeforeAll
    static void openSession() {
        session = SharedEngine.session();
    }

    @AfterAll
    static void closeSession() {
        session.close();
    }

    /** The failure of running {@code sql} to its end (a statement, or a query read whole). */
    protected static BrookException fails(String sql) {
        return assertThrows(BrookException.class, () -> Sql.rows(session, sql));
    }
}
