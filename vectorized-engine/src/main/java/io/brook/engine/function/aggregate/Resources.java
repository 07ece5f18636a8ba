package io.brook.engine.function.aggregate;

/** Closing what a constructor had already allocated when a later allocation failed. */
final class Resources {
    private Resources() {
    }

    static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception ignored) {
                // the allocation failure being reported matters more
            }
        }
    }
}
