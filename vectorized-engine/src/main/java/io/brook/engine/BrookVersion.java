package io.brook.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven built, read from a filtered resource. */
public final class BrookVersion {
    public static final String VERSION = load();
    public static final String PRODUCT = "Brook";

    private BrookVersion() {
    }

    private static String load() {
        try (InputStream in = BrookVersion.class.getResourceAsStream("/io/brook/engine/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int major() {
        return part(0);
    }

    public static int minor() {
        return part(1);
    }

    private static int part(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return parts.length > index ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
