package io.brook.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts a test's main class in a fresh JVM: the same java binary, class path and Brook JVM
 * flags as the running tests. The flags come from the argfile named by the system property
 * {@code brook.jvm.args} (set by surefire), or, when run without it, from this JVM's arguments.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The Brook JVM flags, one per element. */
    public static List<String> brookFlags() {
        String argfile = System.getProperty("brook.jvm.args");
        if (argfile == null || argfile.isBlank()) {
            return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(flag -> flag.startsWith("--") || flag.startsWith("-D"))
                    .toList();
        }
        try {
            return Files.readAllLines(Path.of(argfile)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.split("\\s+")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JVM argfile " + argfile, e);
        }
    }

    /**
     * Starts {@code main} with {@code flags} and {@code arguments}; its standard error goes to
     * {@code errorFile} (so a chatty child cannot block on a full pipe), standard output is the
     * process's input stream.
     */
    public static Process start(Class<?> main, List<String> flags, Path errorFile, String... arguments) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command).redirectError(errorFile.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + main.getName(), e);
        }
    }

    /**
     * For the child's side: halts the child when its standard input closes, which is how it
     * learns its parent (which writes nothing to it) is gone, so no child outlives its test.
     */
    public static void haltWhenParentGoes() {
        Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; end of input means it is gone
                }
            } catch (IOException e) {
                // the same: no parent to report to
            }
            Runtime.getRuntime().halt(3);
        });
    }
}
