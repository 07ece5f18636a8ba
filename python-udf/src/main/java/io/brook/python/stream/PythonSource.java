package io.brook.python.stream;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.python.bridge.RowBatchDecoder;
import io.brook.python.module.QueryModule;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One read of a Python stream (SPEC 3.2, 3.3). A reader thread owns the query's module: it calls
 * init, then the read function, and pulls rows in batches (a batch ends at {@link #MAX_ROWS},
 * after {@link #MAX_BATCH_SECONDS}, or as soon as the generator is seen to wait between rows),
 * handing each as a chunk to the query through a small queue. The query thread never blocks in
 * Python, so periodic emits keep their rhythm. When the read ends, by exhaustion, error, LIMIT or
 * cancel, the reader closes the generator and calls deinit.
 */
final class PythonSource implements ChunkSource {
    static final int MAX_ROWS = 65_536;
    static final double MAX_BATCH_SECONDS = 0.05;
    /** How long a LIMIT waits for the generator to reach its next row before interrupting it. */
    private static final long STOP_GRACE_MILLIS = 500;
    private static final Object END = new Object();

    private final PythonExternalStream stream;
    private final QueryContext context;
    private final BlockingQueue<Object> handoff = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private volatile boolean stopping;
    /** Cancelled (not stopped by LIMIT or the end of the query's reading). */
    private volatile boolean cancelled;
    private volatile QueryModule module;
    private final StopFlag stopFlag = new StopFlag();
    private boolean finished;

    private PythonSource(PythonExternalStream stream, QueryContext context) {
        this.stream = stream;
        this.context = context;
        this.reader = Thread.ofPlatform().daemon().name("brook-python-read-" + stream.name()).unstarted(this::read);
    }

    static PythonSource start(PythonExternalStream stream, QueryContext context) {
        PythonSource source = new PythonSource(stream, context);
        context.onCancel(() -> {
            if (!source.stopping) {
                source.cancelled = true;
            }
        });
        source.reader.start();
        return source;
    }

    @Override
    public Chunk next(long maxWaitNanos) throws InterruptedException {
        if (finished) {
            return null;
        }
        Object item = handoff.poll(maxWaitNanos, TimeUnit.NANOSECONDS);
        if (item == null) {
            return null;
        }
        if (item == END) {
            finished = true;
            return null;
        }
        if (item instanceof BrookException failure) {
            finished = true;
            throw failure;
        }
        return (Chunk) item;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String describe() {
        return "python read " + stream.settings().readFunction() + "() of " + stream.name()
                + " (mode " + stream.settings().mode().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** Lets the reader's batch loop in Python see that the query has all the rows it needs. */
    public final class StopFlag {
        @HostAccess.Export
        public boolean requested() {
            return stopping;
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            reader.join(STOP_GRACE_MILLIS);
            QueryModule running = module;
            if (reader.isAlive() && running != null) {
                running.interrupt();
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            drain();
        }
    }

    private void drain() {
        Object item;
        while ((item = handoff.poll()) != null) {
            if (item instanceof Chunk chunk) {
                chunk.close();
            }
        }
    }

    /** The reader thread: the whole life of the query's module. */
    private void read() {
        PythonStreamSettings settings = stream.settings();
        QueryModule opened;
        try {
            opened = stream.newModule(context);
        } catch (RuntimeException e) {
            hand(failure(e));
            return;
        }
        module = opened;
        Object outcome = END;
        Value reader = null;
        try {
            if (settings.initFunction() != null) {
                opened.init(settings.initFunction(), settings.initParameters());
            }
        } catch (RuntimeException e) {
            opened.close();
            hand(failure(e));
            return;
        }
        try {
            reader = startRead(opened, settings);
            pull(opened, reader);
        } catch (RuntimeException e) {
            outcome = failure(e);
        } finally {
            try {
                if (reader != null) {
                    closeReader(opened, reader);
                }
                if (settings.deinitFunction() != null) {
                    opened.deinit(settings.deinitFunction());
                }
            } catch (RuntimeException e) {
                if (outcome == END) {
                    outcome = failure(e);
                }
            } finally {
                opened.close();
            }
        }
        hand(outcome);
    }

    private Value startRead(QueryModule opened, PythonStreamSettings settings) {
        Value function = opened.function(settings.readFunction());
        if (function == null) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python external stream source requires a function name"
                    + " (stream " + stream.name() + " defines no function '" + settings.readFunction() + "')");
        }
        String what = "read function " + settings.readFunction() + " of stream " + stream.name();
        Value started = opened.call(() -> opened.context().bridge("start_read").execute(function), what);
        String kind = started.getArrayElement(0).asString();
        Value result = started.getArrayElement(1);
        PythonStreamSettings.ReadMode mode = settings.mode();
        if (kind.equals("async")) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python external stream does not support coroutine/async "
                    + "generator results. Return a synchronous iterator (implementing __iter__/__next__) or a list.");
        }
        if (mode == PythonStreamSettings.ReadMode.STREAMING && !kind.equals("iterator")) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python external stream streaming mode requires generator result");
        }
        if (mode == PythonStreamSettings.ReadMode.BATCH && !kind.equals("list")) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python external stream batch mode requires list result");
        }
        if (kind.equals("bad")) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python external stream read function must return a list or "
                    + "a synchronous iterator (a generator), not " + result.asString());
        }
        List<Object[]> columns = decoder(opened).columnDescriptions();
        return opened.call(() -> opened.context().bridge("Reader").newInstance(result, columns), what);
    }

    private RowBatchDecoder decoder(QueryModule opened) {
        return new RowBatchDecoder(stream.columns(), opened.context().bridge("pack_column"));
    }

    private void pull(QueryModule opened, Value reader) {
        RowBatchDecoder decoder = decoder(opened);
        String what = "read function " + stream.settings().readFunction() + " of stream " + stream.name();
        Value pull = reader.getMember("pull");
        while (!stopping && context.failure() == null) {
            boolean done;
            Chunk chunk = null;
            try {
                Value result = opened.run(() -> pull.execute(MAX_ROWS, MAX_BATCH_SECONDS, stopFlag));
                done = result.getArrayElement(0).asBoolean();
                Value batch = result.getArrayElement(1);
                if (batch.getArrayElement(0).asInt() > 0) {
                    // may call back into the bridge, which raises for a value that does not fit its column
                    chunk = decoder.decode(batch, context.allocator());
                }
            } catch (PolyglotException e) {
                if (stopping && context.failure() == null) {
                    return;
                }
                throw RowErrors.translate(opened, e, what, stream.name());
            } catch (org.apache.arrow.memory.OutOfMemoryException e) {
                throw context.memoryExceeded(e);
            }
            if (chunk != null) {
                if (!hand(chunk)) {
                    chunk.close();
                    return;
                }
            }
            if (done) {
                return;
            }
        }
    }

    /**
     * Ends the iterator: a cancelled query throws KeyboardInterrupt into a generator that is
     * suspended at a yield; a query that stopped early (LIMIT) closes it (GeneratorExit).
     */
    private void closeReader(QueryModule opened, Value reader) {
        try {
            opened.cleanup(() -> reader.invokeMember(cancelled ? "interrupt" : "close"));
        } catch (PolyglotException e) {
            if (context.failure() == null && !e.isInterrupted() && !e.isCancelled()) {
                throw opened.translate(e, "closing the generator of stream " + stream.name());
            }
        }
    }

    private BrookException failure(RuntimeException e) {
        if (context.failure() != null) {
            return context.failure();
        }
        if (e instanceof BrookException brook) {
            return brook;
        }
        return new BrookException(ErrorCode.LOGICAL_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    /** Puts an item for the query thread, giving up when the query no longer reads. */
    private boolean hand(Object item) {
        try {
            while (!handoff.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stopping || context.failure() != null) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
