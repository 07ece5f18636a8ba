package io.brook.benchmarks;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EPException;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The windowed aggregation in Esper, in process, on event time: the runtime's clock is driven by
 * the events (internal timer off, the clock advanced to each event's time before the event is
 * sent), and one-second tumbling windows are a non-overlapping context that starts at once and
 * ends after one second, then starts again. The statement keeps only its aggregation state per
 * host (no data window holds events) and outputs a snapshot of every host's group when its
 * context partition ends, that is when the clock reaches the window's end: the same rows, at the
 * same event time, as Brook's {@code tumble(s, 1s)} emitting after the window closes.
 */
final class EsperWindows implements AutoCloseable {
    static final String EPL = """
            create context PerSecond start @now end after 1 sec;
            @name('windows') context PerSecond
            select context.startTime as window_start, host, count(*) as cnt, avg(value) as average
            from Metric group by host output snapshot when terminated;
            """;
    private static final AtomicLong RUNTIMES = new AtomicLong();

    private final EPRuntime runtime;
    private final EPEventService events;
    private final WindowTotals totals;

    /** A fresh runtime with its clock at the start of the data's first window. */
    EsperWindows(WindowTotals totals) {
        this.totals = totals;
        Configuration configuration = new Configuration();
        configuration.getCommon().addEventType("Metric", MetricEvent.class);
        configuration.getRuntime().getThreading().setInternalTimerEnabled(false);
        configuration.getCompiler().getByteCode().setAllowSubscriber(true);
        EPCompiled compiled;
        try {
            compiled = EPCompilerProvider.getCompiler().compile(EPL, new CompilerArguments(configuration));
        } catch (EPCompileException e) {
            throw new IllegalStateException(e);
        }
        runtime = EPRuntimeProvider.getRuntime("brook-bench-" + RUNTIMES.incrementAndGet(), configuration);
        events = runtime.getEventService();
        events.advanceTime(WindowData.START_MILLIS);
        try {
            EPDeployment deployment = runtime.getDeploymentService().deploy(compiled);
            runtime.getDeploymentService().getStatement(deployment.getDeploymentId(), "windows").setSubscriber(this);
        } catch (EPDeployException | EPException e) {
            runtime.destroy();
            throw new IllegalStateException(e);
        }
    }

    /** Sends every row in order, then moves the clock to the end of the last window. */
    void run(MetricEvent[] rows, long closingMillis) {
        long now = WindowData.START_MILLIS;
        for (MetricEvent row : rows) {
            if (row.getEventMillis() > now) {
                now = row.getEventMillis();
                events.advanceTime(now);
            }
            events.sendEventBean(row, "Metric");
        }
        events.advanceTime(closingMillis);
    }

    /** The subscriber Esper calls with each output row (public for Esper's reflection). */
    public void update(Long windowStart, String host, Long count, Double average) {
        totals.add(windowStart, host, count, average);
    }

    /** The rows of {@code data} as Esper events, made before any run so none pays for them. */
    static MetricEvent[] events(WindowData data) {
        MetricEvent[] rows = new MetricEvent[Math.toIntExact(data.rows())];
        BenchmarkData.Values values = BenchmarkData.values();
        for (int row = 0; row < rows.length; row++) {
            rows[row] = new MetricEvent(data.eventMillis(row), data.host(row), values.next());
        }
        return rows;
    }

    @Override
    public void close() {
        runtime.destroy();
    }
}
