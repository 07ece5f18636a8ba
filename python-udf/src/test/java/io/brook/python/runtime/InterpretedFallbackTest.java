package io.brook.python.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loaded without the JIT flags, Brook runs Python interpreted and says so once. */
class InterpretedFallbackTest {

    @Test
    void withoutTheJitFlagsPythonStillWorksWithOneClearWarning(@TempDir Path directory) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        for (String flag : brookFlags()) {
            if (!flag.contains("JVMCI") && !flag.startsWith("--upgrade-module-path") && !flag.contains("UnlockExperimental")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(InterpretedMain.class.getName());
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child finishes");
        String output = Files.readString(out, StandardCharsets.UTF_8);
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output + errors);
        assertTrue(output.contains("sum=285"), output);
        assertTrue(output.contains("jit=false"), output);
        String all = output + errors;
        assertEquals(1, occurrences(all, "GraalPy runs without its JIT compiler"), all);
        assertFalse(all.contains("fallback runtime"), "Truffle's own interpreter warning is silenced: " + all);
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> brookFlags() throws IOException {
        String argfile = System.getProperty("brook.jvm.args");
        List<String> flags = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(argfile))) {
            if (!line.isBlank()) {
                flags.add(line.strip());
            }
        }
        return flags;
    }
}
