package io.brook.python.runtime;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Python runtime of one Brook engine: one GraalPy {@link Engine} (compiled code is shared by
 * all its contexts) and a pool of warm contexts. A query leases a context, makes its own module
 * in it, and gives it back; when every pooled context is leased a new one is made, and a context
 * given back to a full pool is closed, so long-running streaming queries never block others.
 */
public final class PythonRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PythonRuntime.class);
    private static final AtomicBoolean WARNED_INTERPRETED = new AtomicBoolean();
    private static final String BRIDGE = "brook_bridge.py";

    private final PythonConfig config;
    private final Engine engine;
    private final HostAccess hostAccess;
    private final Source bridgeSource;
    private final Deque<PythonContext> idle = new ArrayDeque<>();
    private final AtomicInteger leased = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final Thread warmer;
    private volatile String implementationVersion;
    private boolean closed;
    /** The warmer is making a context right now. */
    private boolean warming;

    private PythonRuntime(PythonConfig config) {
        this.config = config;
        this.engine = Engine.newBuilder("python")
                .option("engine.WarnInterpreterOnly", "false")
                .logHandler(new PolyglotLog())
                .out(PythonOutput.stdout(config.output()))
                .err(PythonOutput.stderr(config.output()))
                .build();
        this.hostAccess = HostAccess.newBuilder(HostAccess.EXPLICIT)
                .allowArrayAccess(true)
                .allowListAccess(true)
                .allowMapAccess(true)
                .allowIterableAccess(true)
                .allowIteratorAccess(true)
                .build();
        this.bridgeSource = Source.newBuilder("python", resource(BRIDGE), BRIDGE).buildLiteral();
        if (!isCompiled() && WARNED_INTERPRETED.compareAndSet(false, true)) {
            LOG.warn("GraalPy runs without its JIT compiler, so Python code is interpreted and much slower. "
                    + "Start the JVM with the options of brook-jvm.args (-XX:+UnlockExperimentalVMOptions "
                    + "-XX:+EnableJVMCI --upgrade-module-path=<directory with the Graal compiler jars>).");
        }
        this.warmer = Thread.ofPlatform().daemon().name("brook-python-warmup").unstarted(this::warmUp);
    }

    /** The engine's one Python runtime, shared by its Python streams and functions, started on first use. */
    public static PythonRuntime of(io.brook.engine.external.EngineServices services) {
        return services.shared(PythonRuntime.class, () -> start(PythonConfig.fromSystemProperties()));
    }

    /** Starts the runtime; contexts for the pool are made in the background. */
    public static PythonRuntime start(PythonConfig config) {
        PythonRuntime runtime = new PythonRuntime(config);
        synchronized (runtime) {
            runtime.warming = config.poolSize() > 0;
        }
        runtime.warmer.start();
        return runtime;
    }

    /** Whether GraalPy's optimizing compiler is active (false: interpreted). */
    public boolean isCompiled() {
        return !engine.getImplementationName().toLowerCase(java.util.Locale.ROOT).contains("interpreted");
    }

    /** GraalPy's version, e.g. 25.0.3 (known once a context exists; the polyglot version until then). */
    public String graalPyVersion() {
        String version = implementationVersion;
        return version != null ? version : engine.getVersion();
    }

    /** The Python language version GraalPy implements, e.g. 3.12.8. */
    public String pythonVersion() {
        return engine.getLanguages().get("python").getVersion();
    }

    public String implementationName() {
        return engine.getImplementationName();
    }

    public PythonConfig config() {
        return config;
    }

    public int poolSize() {
        return config.poolSize();
    }

    public synchronized int idleContexts() {
        return idle.size();
    }

    public int leasedContexts() {
        return leased.get();
    }

    public int contextsCreated() {
        return created.get();
    }

    /** A context for one query: a warm one when the pool has one, else a new one. */
    public PythonContext lease() {
        PythonContext context;
        synchronized (this) {
            // a context being warmed is ready sooner than a new one made beside it on the same cores
            while (idle.isEmpty() && warming && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (closed) {
                throw new BrookException(ErrorCode.LOGICAL_ERROR, "The Python runtime of this engine is closed");
            }
            context = idle.pollFirst();
        }
        if (context == null) {
            context = newContext();
        }
        leased.incrementAndGet();
        return context;
    }

    /** Gives a leased context back: kept warm if the pool has room and it is healthy, else closed. */
    public void release(PythonContext context) {
        leased.decrementAndGet();
        synchronized (this) {
            if (!closed && !context.isBroken() && idle.size() < config.poolSize()) {
                idle.addLast(context);
                return;
            }
        }
        context.close();
    }

    private PythonContext newContext() {
        Context.Builder builder = Context.newBuilder("python")
                .engine(engine)
                .allowHostAccess(hostAccess)
                .allowCreateThread(config.allowThreads())
                .allowIO(IOAccess.newBuilder().allowHostSocketAccess(config.allowNetwork()).build())
                // print() reaches the JVM's output at once, as with python -u
                .option("python.UnbufferedIO", "true")
                // no site-packages: Brook runs the standard library only (python -S); saves start-up time
                .option("python.NoSiteFlag", "true")
                .in(InputStream.nullInputStream());
        Context context = builder.build();
        try {
            PythonContext made = new PythonContext(context, bridgeSource);
            if (implementationVersion == null) {
                implementationVersion = made.bridge("implementation_version").execute().asString();
            }
            created.incrementAndGet();
            return made;
        } catch (PolyglotException | IllegalStateException e) {
            context.close(true);
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "Could not start a Python context: " + e.getMessage(), e);
        }
    }

    private void warmUp() {
        try {
            while (true) {
                synchronized (this) {
                    if (closed || idle.size() + leased.get() >= config.poolSize()) {
                        return;
                    }
                    warming = true;
                }
                PythonContext context = newContext();
                synchronized (this) {
                    warming = false;
                    notifyAll();
                    if (closed || idle.size() >= config.poolSize()) {
                        context.close();
                        return;
                    }
                    idle.addLast(context);
                }
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            LOG.warn("Warming up Python contexts failed: {}", e.getMessage());
        } finally {
            synchronized (this) {
                warming = false;
                notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        synchronized (this) {
            idle.forEach(PythonContext::close);
            idle.clear();
        }
        engine.close(true);
    }

    private static String resource(String name) {
        try (InputStream in = PythonRuntime.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
