package io.brook.python.runtime;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * One GraalPy context of the pool with Brook's bridge module loaded in it. Used by one thread at
 * a time (the query that leased it); {@link #interrupt()} may be called from any thread.
 */
public final class PythonContext {
    private final Context context;
    private final Value bridge;
    private volatile boolean broken;

    PythonContext(Context context, Source bridgeSource) {
        this.context = context;
        context.eval(bridgeSource);
        this.bridge = context.getBindings("python");
        bridge.putMember("_zone_tables", ZoneTables.INSTANCE);
    }

    /** A function or class of the bridge module ({@code brook_bridge.py}). */
    public Value bridge(String name) {
        return bridge.getMember(name);
    }

    /** Stops whatever Python code runs in this context now, waiting up to a second. */
    public void interrupt() {
        try {
            context.interrupt(Duration.ofSeconds(1));
        } catch (TimeoutException e) {
            // still running: the caller interrupts again; the context is not reused
            broken = true;
        } catch (PolyglotException | IllegalStateException e) {
            broken = true;
        }
    }

    /** Marks the context as not to be reused (its Python state may be inconsistent). */
    public void markBroken() {
        broken = true;
    }

    boolean isBroken() {
        return broken;
    }

    void close() {
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException ignored) {
            // a context that was cancelled is already closed
        }
    }
}
