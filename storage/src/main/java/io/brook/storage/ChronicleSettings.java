package io.brook.storage;

/**
 * Switches off Chronicle's usage reporting (analytics and the start-up announcer) so that nothing
 * leaves the machine. Chronicle reads these properties in its own static initializers, so every
 * storage class that uses Chronicle calls {@link #disableTelemetry()} from a static block placed
 * before anything that could initialize a Chronicle class.
 */
public final class ChronicleSettings {
    static final String ANALYTICS_PROPERTY = "chronicle.analytics.disable";
    static final String ANNOUNCER_PROPERTY = "chronicle.announcer.disable";

    private ChronicleSettings() {
    }

    /** Sets both switches to {@code true} unless the user has already chosen a value. */
    public static void disableTelemetry() {
        setUnlessPresent(ANALYTICS_PROPERTY);
        setUnlessPresent(ANNOUNCER_PROPERTY);
    }

    private static void setUnlessPresent(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
