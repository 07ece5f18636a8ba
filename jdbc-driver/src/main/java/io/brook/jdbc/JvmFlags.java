package io.brook.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options Brook needs (the repository's {@code brook-jvm.args}, bundled in the jar).
 * Arrow cannot reach its memory without {@code --add-opens=java.base/java.nio=ALL-UNNAMED}; a
 * JVM started without it would fail deep inside the first query, so connecting fails first
 * with a message that lists every option and says where to put them.
 */
final class JvmFlags {
    static final String RESOURCE = "brook-jvm.args";
    static final String REQUIRED = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private JvmFlags() {
    }

    static void check() throws SQLException {
        if (!javaNioIsOpen()) {
            throw new SQLException(message(all()), "08001");
        }
    }

    /** Whether the module holding the driver (normally the class path) may reach into java.nio. */
    static boolean javaNioIsOpen() {
        return Object.class.getModule().isOpen("java.nio", JvmFlags.class.getModule());
    }

    static List<String> all() {
        try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of(REQUIRED);
            }
            List<String> flags = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String flag = line.strip();
                if (!flag.isEmpty() && !flag.startsWith("#")) {
                    flags.add(flag);
                }
            }
            return flags;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String message(List<String> flags) {
        StringBuilder text = new StringBuilder()
                .append("Brook needs JVM options that this JVM was started without (")
                .append(REQUIRED).append(" is missing).\n")
                .append("Start Java with all of them: `java @brook-jvm.args ...` with the brook-jvm.args file that")
                .append(" sits next to the driver jar, or add these lines to your tool's JVM options")
                .append(" (for DBeaver, the lines after -vmargs in dbeaver.ini):\n");
        for (String flag : flags) {
            text.append("  ").append(flag).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
