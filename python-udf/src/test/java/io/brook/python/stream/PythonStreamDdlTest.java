package io.brook.python.stream;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.brook.python.Output;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.1: settings, their defaults and errors, the body compiled at CREATE, IF NOT EXISTS, DROP. */
class PythonStreamDdlTest extends SharedSessionTest {

    private static boolean exists(String name) {
        return Sql.rows(session, "SHOW STREAMS").stream().anyMatch(row -> row.contains(name));
    }

    @Test
    void unknownSettingIsCode115WithTheSpecText() {
        BrookException e = fails("CREATE EXTERNAL STREAM u1 (n int64) AS $$\ndef u1(): return [1]\n$$ "
                + "SETTINGS type='python', read_function='u1'");
        assertEquals(ErrorCode.UNKNOWN_SETTING, e.code());
        assertEquals("Unknown setting read_function: for storage ExternalStream", e.text());
        assertFalse(exists("u1"));
    }

    @Test
    void parametersWithoutInitFail() {
        BrookException e = fails("CREATE EXTERNAL STREAM p1 (n int64) AS $$\ndef p1(): return [1]\n$$ "
                + "SETTINGS type='python', init_function_parameters='{\"a\": 1}'");
        assertEquals("Setting 'init_function_parameters' requires 'init_function_name' to be configured", e.text());
        assertFalse(exists("p1"));
    }

    @Test
    void modeMustBeAutoStreamingOrBatch() {
        BrookException e = fails("CREATE EXTERNAL STREAM m1 (n int64) AS $$\ndef m1(): return [1]\n$$ "
                + "SETTINGS type='python', mode='sometimes'");
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, e.code());
        assertEquals(471, e.code().number());
        for (String mode : List.of("auto", "streaming", "batch", "BATCH")) {
            session.execute("CREATE EXTERNAL STREAM m_" + mode + " (n int64) AS $$\ndef m_" + mode + "(): return [1]\n$$ "
                    + "SETTINGS type='python', mode='" + mode + "'");
            session.execute("DROP STREAM m_" + mode);
        }
    }

    @Test
    void syntaxErrorsFailTheCreateWithPythonsMessageAndLine() {
        BrookException e = fails("""
                CREATE EXTERNAL STREAM bad_syntax (n int64) AS $$
                def bad_syntax():
                    return [1
                $$ SETTINGS type='python'""");
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertTrue(e.text().startsWith("Python error in the body of stream bad_syntax at line 3: "
                + "SyntaxError: '[' was never closed\n"), e.text());
        assertTrue(e.text().contains("File \"<stream bad_syntax>\", line 3\n    return [1\n"), e.text());
        // Brook's own frames (the bridge, and ast.py under the machine's Python home) are not shown
        assertFalse(e.text().contains("brook_bridge.py"), e.text());
        assertFalse(e.text().contains("ast.py"), e.text());
        assertFalse(e.text().contains("Traceback"), e.text());
        assertFalse(exists("bad_syntax"));
    }

    @Test
    void aConfiguredFunctionTheBodyDoesNotDefineFailsTheCreate() {
        BrookException e = fails("""
                CREATE EXTERNAL STREAM missing_fn (n int64) AS $$
                def other():
                    return [1]
                $$ SETTINGS type='python', read_function_name='reader'""");
        assertEquals(ErrorCode.UNKNOWN_FUNCTION, e.code());
        assertTrue(e.text().startsWith("NameError: name 'reader' is not defined"), e.text());
        BrookException init = fails("""
                CREATE EXTERNAL STREAM missing_init (n int64) AS $$
                def missing_init():
                    return [1]
                $$ SETTINGS type='python', init_function_name='setup'""");
        assertTrue(init.text().contains("'setup'"), init.text());
        assertFalse(exists("missing_fn"));
        assertFalse(exists("missing_init"));
    }

    @Test
    void readDefaultsToTheStreamNameAndWriteToTheReadFunction() throws Exception {
        session.execute("""
                CREATE EXTERNAL STREAM defaults_py (n int64) AS $$
                def defaults_py():
                    return [(7,)]
                $$ SETTINGS type='python'""");
        assertEquals(7L, Sql.single(session, "SELECT n FROM defaults_py"));
        session.execute("""
                CREATE EXTERNAL STREAM named_read (n int64) AS $$
                def source():
                    return [(8,)]
                def sink_fn(n):
                    print("sink_fn got", len(n), "rows")
                $$ SETTINGS type='python', read_function_name='source', write_function_name='sink_fn'""");
        assertEquals(8L, Sql.single(session, "SELECT n FROM named_read"));
        session.execute("""
                CREATE EXTERNAL STREAM write_is_read (n int64) AS $$
                def both(*columns):
                    if columns:
                        print("both called as write with", len(columns[0]), "rows")
                        return None
                    return [(1,)]
                $$ SETTINGS type='python', read_function_name='both'""");
        try (Output output = new Output()) {
            session.execute("INSERT INTO named_read VALUES (1), (2), (3)");
            session.execute("INSERT INTO write_is_read VALUES (5)");
            assertTrue(output.await("sink_fn got 3 rows", 5_000), output.text());
            assertTrue(output.await("both called as write with 1 rows", 5_000), output.text());
        }
        assertEquals(1L, Sql.single(session, "SELECT n FROM write_is_read"));
    }

    @Test
    void ifNotExistsKeepsTheFirstAndDropRemovesTheStream() {
        session.execute("CREATE EXTERNAL STREAM once_py (n int64) AS $$\ndef once_py(): return [(1,)]\n$$ SETTINGS type='python'");
        session.execute("CREATE EXTERNAL STREAM IF NOT EXISTS once_py (n int64) AS $$\ndef once_py(): return [(2,)]\n$$ "
                + "SETTINGS type='python'");
        assertEquals(1L, Sql.single(session, "SELECT n FROM once_py"));
        BrookException again = fails("CREATE EXTERNAL STREAM once_py (n int64) AS $$\ndef once_py(): return [(2,)]\n$$ "
                + "SETTINGS type='python'");
        assertEquals(ErrorCode.STREAM_ALREADY_EXISTS, again.code());
        session.execute("DROP STREAM once_py");
        assertEquals(ErrorCode.UNKNOWN_STREAM, fails("SELECT n FROM once_py").code());
        assertEquals("Stream once_py doesn't exist", fails("SELECT n FROM once_py").text());
    }

    @Test
    void columnsMustBeDeclared() {
        BrookException e = fails("CREATE EXTERNAL STREAM no_cols AS $$\ndef no_cols(): return [1]\n$$ SETTINGS type='python'");
        assertEquals(ErrorCode.BAD_ARGUMENTS, e.code());
    }

    @Test
    void anIndentedBodyIsDedented() {
        session.execute("""
                CREATE EXTERNAL STREAM indented (n int64) AS $$
                    def indented():
                        return [(3,)]
                $$ SETTINGS type='python'""");
        assertEquals(3L, Sql.single(session, "SELECT n FROM indented"));
    }

    @Test
    void streamsComeBackWhenTheEngineReopens(@TempDir Path directory) {
        try (Engine first = Engine.open(EngineConfig.file(directory)); Session s = first.openSession(Map.of())) {
            s.execute("""
                    CREATE EXTERNAL STREAM kept (n int64) AS $$
                    def kept():
                        return [(42,)]
                    $$ SETTINGS type='python'""");
        }
        try (Engine second = Engine.open(EngineConfig.file(directory)); Session s = second.openSession(Map.of())) {
            assertEquals(42L, Sql.single(s, "SELECT n FROM kept"));
        }
    }
}
