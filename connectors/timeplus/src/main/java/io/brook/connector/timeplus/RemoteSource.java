package io.brook.connector.timeplus;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.operator.ChunkBuilder;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One read of a timeplus stream: the same query on every host, merged. A reader thread per host
 * ({@link HostReader}) turns the server's answer into rows of Java values and queues them; the
 * query thread takes whatever has arrived, up to {@link #MAX_ROWS}, as one chunk, so rows reach
 * the query as soon as a server sends them. The read ends when every host's query ended; the
 * first host to fail fails it. Opening waits until every host's query has started, so a streaming
 * read, like one of a local stream, sees every row appended after the query began.
 */
final class RemoteSource implements ChunkSource {
    static final int MAX_ROWS = 8_192;
    static final Object END = new Object();
    /** How long opening a read waits for the hosts' queries to start (a failure in that time fails the open). */
    private static final long START_WAIT_MILLIS = 10_000;

    private final String name;
    private final List<String> names;
    private final List<BrookType> types;
    private final QueryContext context;
    private final BlockingQueue<Object> items = new ArrayBlockingQueue<>(4 * MAX_ROWS);
    private final List<HostReader> readers = new ArrayList<>();
    private final boolean bounded;
    private volatile boolean stopping;
    private int ended;
    private boolean finished;

    private RemoteSource(String name, List<Column> columns, boolean bounded, QueryContext context) {
        this.name = name;
        this.names = columns.stream().map(Column::name).toList();
        this.types = columns.stream().map(Column::type).toList();
        this.bounded = bounded;
        this.context = context;
    }

    static RemoteSource open(String name, TimeplusSettings settings, List<Column> columns, RemoteBrook remote,
                             String sql, boolean bounded, QueryContext context) {
        RemoteSource source = new RemoteSource(name, columns, bounded, context);
        for (RemoteHost host : settings.hosts()) {
            source.readers.add(new HostReader(source, remote, settings, host, sql));
        }
        source.readers.forEach(HostReader::start);
        try {
            for (HostReader reader : source.readers) {
                BrookException failure = reader.awaitStarted(START_WAIT_MILLIS);
                if (failure != null) {
                    throw failure;
                }
            }
        } catch (InterruptedException e) {
            source.close();
            Thread.currentThread().interrupt();
            throw new BrookException(io.brook.engine.error.ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        return source;
    }

    List<BrookType> types() {
        return types;
    }

    boolean bounded() {
        return bounded;
    }

    boolean stopping() {
        return stopping || context.failure() != null;
    }

    @Override
    public Chunk next(long maxWaitNanos) throws InterruptedException {
        if (finished) {
            return null;
        }
        Object item = items.poll(maxWaitNanos, TimeUnit.NANOSECONDS);
        List<List<?>> rows = new ArrayList<>();
        while (item != null) {
            if (item == END) {
                ended++;
            } else if (item instanceof BrookException failure) {
                finished = true;
                throw failure;
            } else {
                rows.add((List<?>) item);
            }
            if (rows.size() >= MAX_ROWS) {
                break;
            }
            item = items.poll();
        }
        if (ended == readers.size() && items.isEmpty()) {
            finished = true;
        }
        if (rows.isEmpty()) {
            return null;
        }
        try {
            return ChunkBuilder.of(names, types, rows, context.allocator());
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    /** Queues an item for the query thread; false when the query no longer reads. */
    boolean hand(Object item) {
        try {
            while (!items.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stopping()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String describe() {
        return "timeplus read of " + name + " from " + readers.size() + " host(s)" + (bounded ? " (bounded)" : "");
    }

    @Override
    public void close() {
        stopping = true;
        readers.forEach(HostReader::stop);
        items.clear();
    }
}
