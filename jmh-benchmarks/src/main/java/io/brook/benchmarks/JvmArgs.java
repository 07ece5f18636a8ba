package io.brook.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code brook-jvm.args}, the one argfile every Brook JVM starts with. JMH forks
 * a fresh JVM per benchmark and cannot read an argfile itself, so {@link BenchmarkMain} passes
 * these options on. They come from the file named by the system property {@code brook.jvm.args}
 * (set by the build and handy for trying other flags) or else from the copy the driver jar carries.
 */
final class JvmArgs {
    static final String PROPERTY = "brook.jvm.args";
    private static final String BUNDLED = "/io/brook/jdbc/brook-jvm.args";

    private JvmArgs() {
    }

    static List<String> load() {
        String path = System.getProperty(PROPERTY);
        try {
            if (path != null) {
                return parse(Files.readString(Path.of(path)));
            }
            try (InputStream in = JvmArgs.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("No " + BUNDLED + " on the class path; pass -D" + PROPERTY
                            + "=<path to brook-jvm.args>");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One option per line, as the java launcher reads an argfile; blank lines and # comments skipped. */
    static List<String> parse(String text) {
        List<String> options = new ArrayList<>();
        for (String line : text.split("\n")) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#")) {
                options.add(option);
            }
        }
        return options;
    }
}
