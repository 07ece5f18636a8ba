package io.brook.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.TimeZone;
import java.util.function.IntSupplier;

/** Runs a command with System.out and System.err captured, and puts them (and the JVM's time zone) back after. */
record ConsoleCapture(int exitCode, String out, String err) {

    static ConsoleCapture run(IntSupplier command) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        TimeZone originalZone = TimeZone.getDefault();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exitCode = command.getAsInt();
            return new ConsoleCapture(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            TimeZone.setDefault(originalZone);
        }
    }
}
