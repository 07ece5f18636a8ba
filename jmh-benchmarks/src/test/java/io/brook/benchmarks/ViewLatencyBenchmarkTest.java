package io.brook.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the end-to-end latency benchmark a few times: each INSERT returns only once the Python
 * sink behind the materialized view has sent that row's id back, in order.
 */
class ViewLatencyBenchmarkTest {
    @Test
    void eachInsertedRowReachesThePythonSink() throws SQLException, IOException {
        ViewLatencyBenchmark benchmark = new ViewLatencyBenchmark();
        ViewLatencyBenchmark.View view = new ViewLatencyBenchmark.View();
        view.open();
        try {
            for (long id = 1; id <= 3; id++) {
                assertEquals(id, benchmark.insertToSink(view));
            }
        } finally {
            view.close();
        }
    }
}
