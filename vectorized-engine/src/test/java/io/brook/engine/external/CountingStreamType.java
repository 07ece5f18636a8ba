package io.brook.engine.external;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.operator.ChunkBuilder;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small real external-stream type for testing the SPI ({@code type='counting'}): reading
 * gives the numbers 1..{@code count} in one chunk; writing counts rows and calls into an engine-
 * shared {@link Tally}. With {@code fail_open=1} opening a sink fails, as for a target that
 * refuses the connection; with {@code fail_writes=n} the first n writes into the stream fail, as a
 * sink whose remote end is down would. With {@code resumable=1} a streaming read stays open after
 * the numbers, reports the next number as its position, and a read resumed from a position gives
 * the numbers from there on, as a Kafka partition does with offsets. With {@code virtual=<name>}
 * the stream has a virtual int64 column of that name holding ten times the number, filled only
 * when the query reads it ({@link ReadOptions#reads}); {@link #lastRead} keeps the options of the
 * last read opened. With {@code refuse_reopen=1} CREATE works but the engine's reopen of the
 * stream fails, as when a newer module no longer takes a setting; {@link #REOPENED} counts reopens.
 */
public final class CountingStreamType implements ExternalStreamType {
    /** The options the last read of any counting stream was opened with. */
    public static volatile ReadOptions lastRead;
    /** Streams made by {@link #reopen} (the engine opening) rather than by CREATE. */
    public static final AtomicInteger REOPENED = new AtomicInteger();

    /** Engine-scoped state: rows written through every counting stream of one engine. */
    public static final class Tally implements AutoCloseable {
        public static final AtomicInteger CREATED = new AtomicInteger();
        public static final AtomicInteger CLOSED = new AtomicInteger();
        /** The tally made last, so a test can read what its engine's sinks received. */
        public static volatile Tally last;
        public final AtomicLong rows = new AtomicLong();
        public final AtomicLong writeCalls = new AtomicLong();

        Tally() {
            CREATED.incrementAndGet();
            last = this;
        }

        @Override
        public void close() {
            CLOSED.incrementAndGet();
        }
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public List<String> aliases() {
        return List.of("counter");
    }

    /** Registers {@code system.counting}: how many rows this engine's counting sinks received. */
    @Override
    public void attach(EngineServices services) {
        services.registerSystemTable("counting", new io.brook.engine.plan.SystemTable() {
            @Override
            public List<Column> columns() {
                return List.of(Column.of("rows", io.brook.engine.types.BrookType.INT64));
            }

            @Override
            public List<List<Object>> rows() {
                return List.of(List.of(services.shared(Tally.class, Tally::new).rows.get()));
            }
        });
    }

    @Override
    public ExternalStream create(ExternalStreamDefinition definition, EngineServices services) {
        for (String setting : definition.settings().keySet()) {
            if (!List.of("type", "count", "fail_open", "fail_writes", "resumable", "virtual", "refuse_reopen")
                    .contains(setting)) {
                throw new BrookException(ErrorCode.UNKNOWN_SETTING, "Unknown setting " + setting + ": for storage ExternalStream");
            }
        }
        int count = Integer.parseInt(definition.settings().getOrDefault("count", "3"));
        boolean failOpen = definition.settings().getOrDefault("fail_open", "0").equals("1");
        boolean resumable = definition.settings().getOrDefault("resumable", "0").equals("1");
        AtomicInteger failuresLeft = new AtomicInteger(Integer.parseInt(definition.settings().getOrDefault("fail_writes", "0")));
        Tally tally = services.shared(Tally.class, Tally::new);
        String virtual = definition.settings().get("virtual");
        List<Column> columns = new ArrayList<>(definition.columns());
        if (virtual != null) {
            columns.add(Column.of(virtual, io.brook.engine.types.BrookType.INT64));
        }
        return new ExternalStream() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public List<String> virtualColumns() {
                return virtual == null ? List.of() : List.of(virtual);
            }

            @Override
            public ChunkSource openSource(QueryContext context, ReadOptions options) {
                lastRead = options;
                if (resumable) {
                    long first = options.resumeFrom() == null ? 1 : Long.parseLong(options.resumeFrom());
                    return new PositionedSource(context, columns.getFirst(), first, count, options.bounded());
                }
                return new NumbersSource(context, columns, count, options);
            }

            @Override
            public ExternalSink openSink(QueryContext context) {
                if (failOpen) {
                    throw new BrookException(ErrorCode.BAD_ARGUMENTS, "counting sink refused to open");
                }
                return new ExternalSink() {
                    @Override
                    public void write(Chunk chunk) {
                        if (failuresLeft.getAndDecrement() > 0) {
                            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "counting sink " + definition.name()
                                    + " refused a write of " + chunk.size() + " rows");
                        }
                        tally.rows.addAndGet(chunk.size());
                        tally.writeCalls.incrementAndGet();
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    @Override
    public ExternalStream reopen(ExternalStreamDefinition definition, EngineServices services) {
        if (definition.settings().getOrDefault("refuse_reopen", "0").equals("1")) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE,
                    "Invalid value '1' for setting refuse_reopen: counting streams no longer take it");
        }
        REOPENED.incrementAndGet();
        return create(definition, services);
    }

    /** Hands out the numbers 1..count once, and ten times each in the virtual column when it is read. */
    private static final class NumbersSource implements ChunkSource {
        private final QueryContext context;
        private final List<Column> columns;
        private final int count;
        private final boolean fillVirtual;
        private boolean done;

        NumbersSource(QueryContext context, List<Column> columns, int count, ReadOptions options) {
            this.context = context;
            this.columns = columns;
            this.count = count;
            this.fillVirtual = columns.size() > 1 && options.reads(columns.get(1).name());
        }

        @Override
        public Chunk next(long maxWaitNanos) {
            if (done) {
                return null;
            }
            done = true;
            List<List<?>> rows = new ArrayList<>();
            for (long i = 1; i <= count; i++) {
                rows.add(columns.size() == 1 ? List.of(i) : java.util.Arrays.asList(i, fillVirtual ? i * 10 : null));
            }
            return ChunkBuilder.of(columns.stream().map(Column::name).toList(), columns.stream().map(Column::type).toList(),
                    rows, context.allocator());
        }

        @Override
        public boolean isFinished() {
            return done;
        }

        @Override
        public String describe() {
            return "counting 1.." + count;
        }

        @Override
        public void close() {
        }
    }

    /** Numbers {@code first..count} one chunk of up to two at a time, then (streaming) nothing more, kept open. */
    private static final class PositionedSource implements ChunkSource {
        private final QueryContext context;
        private final Column column;
        private final long count;
        private final boolean bounded;
        private long next;

        PositionedSource(QueryContext context, Column column, long first, long count, boolean bounded) {
            this.context = context;
            this.column = column;
            this.next = first;
            this.count = count;
            this.bounded = bounded;
        }

        @Override
        public Chunk next(long maxWaitNanos) throws InterruptedException {
            if (next > count) {
                if (!bounded) {
                    Thread.sleep(Math.min(maxWaitNanos / 1_000_000, 20));
                }
                return null;
            }
            List<List<?>> rows = new ArrayList<>();
            for (int i = 0; i < 2 && next <= count; i++) {
                rows.add(List.of(next++));
            }
            return ChunkBuilder.of(List.of(column.name()), List.of(column.type()), rows, context.allocator());
        }

        @Override
        public boolean isFinished() {
            return bounded && next > count;
        }

        @Override
        public String resumePosition() {
            return Long.toString(next);
        }

        @Override
        public String describe() {
            return "counting " + next + ".." + count;
        }

        @Override
        public void close() {
        }
    }
}
