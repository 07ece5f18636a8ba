package io.brook.python.module;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.query.QueryContext;
import io.brook.python.runtime.PythonContext;
import io.brook.python.runtime.PythonRuntime;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fresh module one query gets (SPEC 3.2): made from the body in a leased context, with the
 * injected globals, and given back to the pool when the query ends. Cancelling the query
 * interrupts whatever Python code runs in it at that moment.
 */
public final class QueryModule implements AutoCloseable {
    private final PythonRuntime runtime;
    private final PythonContext context;
    private final PythonBody body;
    private final QueryContext query;
    private final Value module;
    /** False when several modules share the context (a query's user functions) and their owner releases it. */
    private final boolean ownsContext;
    private final Object leaseLock = new Object();
    private boolean released;
    private volatile boolean busy;
    private boolean cleaningUp;
    private static final long STOP_PATIENCE_MILLIS = 10_000;
    /** How long sleeping code has to react to KeyboardInterrupt before the context is interrupted. */
    private static final long GENTLE_CANCEL_MILLIS = 150;

    private QueryModule(PythonRuntime runtime, PythonContext context, PythonBody body, QueryContext query, Value module,
                        boolean ownsContext) {
        this.runtime = runtime;
        this.context = context;
        this.body = body;
        this.query = query;
        this.module = module;
        this.ownsContext = ownsContext;
    }

    /** Leases a context and makes the module: compile, run the body, inject {@code globals}. */
    public static QueryModule open(PythonRuntime runtime, PythonBody body, Map<String, Object> globals, QueryContext query) {
        PythonContext context = runtime.lease();
        try {
            return make(runtime, context, body, globals, query, true);
        } catch (RuntimeException e) {
            runtime.release(context);
            throw e;
        }
    }

    /**
     * Makes the module in a context the caller leased and releases itself, beside other modules
     * of the same query; closing the module leaves the context leased.
     */
    public static QueryModule openIn(PythonRuntime runtime, PythonContext context, PythonBody body,
                                     Map<String, Object> globals, QueryContext query) {
        return make(runtime, context, body, globals, query, false);
    }

    private static QueryModule make(PythonRuntime runtime, PythonContext context, PythonBody body,
                                    Map<String, Object> globals, QueryContext query, boolean ownsContext) {
        try {
            List<Object> pairs = new ArrayList<>();
            globals.forEach((key, value) -> {
                pairs.add(key);
                pairs.add(value);
            });
            Value module = context.bridge("new_module").execute(body.owner(), body.source(), body.filename(), pairs,
                    new CancelFlag(query));
            QueryModule opened = new QueryModule(runtime, context, body, query, module, ownsContext);
            if (query != null) {
                query.onCancel(opened::stopPython);
            }
            return opened;
        } catch (PolyglotException e) {
            throw PythonErrors.raised(context, e, "the body of " + body.filename());
        }
    }

    public PythonContext context() {
        return context;
    }

    public PythonBody body() {
        return body;
    }

    /** The module-level callable {@code name}, or null when the module has none. */
    public Value function(String name) {
        Value found = run(() -> context.bridge("function").execute(module, name));
        return found.isNull() ? null : found;
    }

    /** Calls init with the parameter string when it is non-empty, else with no argument. */
    public void init(String functionName, String parameters) {
        Value init = function(functionName);
        if (init == null) {
            throw new BrookException(ErrorCode.UNKNOWN_FUNCTION,
                    "NameError: name '" + functionName + "' is not defined (init_function_name of " + body.filename() + ")");
        }
        call(() -> context.bridge("call_init").execute(init, parameters == null ? "" : parameters),
                "init function " + functionName + " of " + body.filename());
    }

    /** Calls deinit; a failure is reported like any other Python error. */
    public void deinit(String functionName) {
        beginCleanup();
        Value deinit = function(functionName);
        if (deinit == null) {
            throw new BrookException(ErrorCode.UNKNOWN_FUNCTION,
                    "NameError: name '" + functionName + "' is not defined (deinit_function_name of " + body.filename() + ")");
        }
        beginCleanup();
        try {
            deinit.execute();
        } catch (PolyglotException e) {
            throw PythonErrors.raised(context, e, "deinit function " + functionName + " of " + body.filename());
        }
    }

    /**
     * Runs Python code and translates its failure: a cancelled query reports its cancellation,
     * anything Python raised becomes a {@link ErrorCode#PYTHON_ERROR} naming {@code what}.
     */
    public Value call(java.util.function.Supplier<Value> code, String what) {
        try {
            return run(code);
        } catch (PolyglotException e) {
            throw translate(e, what);
        }
    }

    /**
     * Runs Python code, marking the module busy so that a cancel arriving meanwhile interrupts
     * it; Python's failure is thrown as it is.
     */
    public Value run(java.util.function.Supplier<Value> code) {
        busy = true;
        try {
            if (query != null && query.failure() != null && !isCleaningUp()) {
                throw query.failure();
            }
            return code.get();
        } finally {
            busy = false;
        }
    }

    /**
     * On cancel: while Python code of this module runs, interrupt it, again every few
     * milliseconds in case the code swallowed the interruption or had not yet started, for up to
     * {@link #STOP_PATIENCE_MILLIS}. Runs on its own thread so the canceller does not wait.
     */
    private void stopPython() {
        // time.sleep in the query's code has seen the flag (KeyboardInterrupt); for code that does
        // not sleep, interrupt the context until the code has stopped
        Thread.ofVirtual().name("brook-python-stop").start(() -> {
            try {
                Thread.sleep(GENTLE_CANCEL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long deadline = System.currentTimeMillis() + STOP_PATIENCE_MILLIS;
            while (busy && !isCleaningUp() && System.currentTimeMillis() < deadline) {
                interrupt();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** The Brook error for a Python failure while doing {@code what}. */
    public BrookException translate(PolyglotException e, String what) {
        if (query != null && query.failure() != null) {
            return query.failure();
        }
        if (e.isInterrupted() || e.isCancelled()) {
            return new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
        return PythonErrors.raised(context, e, what);
    }

    /** Stops the Python code running now, from any thread, unless the module is cleaning up. */
    public void interrupt() {
        synchronized (leaseLock) {
            if (!released && !cleaningUp) {
                context.interrupt();
            }
        }
    }

    /**
     * From now on the module only cleans up (closes a generator, runs deinit): that code is not
     * interrupted, even if a cancel arrives while it runs.
     */
    public void beginCleanup() {
        synchronized (leaseLock) {
            cleaningUp = true;
        }
    }

    /** Runs cleanup code (generator close, deinit), which cancellation does not interrupt. */
    public Value cleanup(java.util.function.Supplier<Value> code) {
        beginCleanup();
        return code.get();
    }

    private boolean isCleaningUp() {
        synchronized (leaseLock) {
            return cleaningUp || released;
        }
    }

    /** Gives the context back to the pool. */
    @Override
    public void close() {
        synchronized (leaseLock) {
            if (released) {
                return;
            }
            released = true;
        }
        if (ownsContext) {
            runtime.release(context);
        }
    }
}
