package io.brook.python.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonOutputTest {

    @Test
    void logModeHandsOverOneLinePerPythonLine() throws Exception {
        List<String> lines = new ArrayList<>();
        try (OutputStream out = new PythonOutput.LogLines(lines::add)) {
            out.write("first\nsec".getBytes(StandardCharsets.UTF_8));
            out.write('o');
            out.write("nd\n\nthird, caf\u00e9".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        assertEquals(List.of("first", "second", "", "third, caf\u00e9"), lines);
    }

    @Test
    void consoleModeFollowsSystemOutWhenItIsReplacedLater() throws Exception {
        OutputStream console = PythonOutput.stdout(PythonConfig.Output.CONSOLE);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            console.write("hello\n".getBytes(StandardCharsets.UTF_8));
            console.flush();
        } finally {
            System.setOut(original);
        }
        assertEquals("hello\n", captured.toString(StandardCharsets.UTF_8));
    }
}
