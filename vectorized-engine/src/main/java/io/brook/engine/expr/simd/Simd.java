package io.brook.engine.expr.simd;

/**
 * Whether the SIMD kernels of this package run. They use the Vector API
 * ({@code jdk.incubator.vector}), which a JVM has only when started with
 * {@code --add-modules=jdk.incubator.vector} (a line of brook-jvm.args), and read Arrow memory
 * through a {@code MemorySegment}, which needs native access ({@code --enable-native-access}).
 * Without either, with {@code -Dbrook.simd=false}, or on a CPU whose vectors hold fewer than four
 * doubles, callers run their scalar loops instead, which give the same results.
 */
public final class Simd {
    private static final boolean ENABLED = decide();

    private Simd() {
    }

    public static boolean enabled() {
        return ENABLED;
    }

    private static boolean decide() {
        if (!Boolean.parseBoolean(System.getProperty("brook.simd", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                || !Simd.class.getModule().isNativeAccessEnabled()) {
            return false;
        }
        // only now may the Vector API's classes load
        return Float64Kernels.lanes() >= 4;
    }
}
