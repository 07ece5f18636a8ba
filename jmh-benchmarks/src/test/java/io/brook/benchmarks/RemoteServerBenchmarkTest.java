package io.brook.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs each remote benchmark once on small data, for each system, and checks that every row
 * inserted is there and that every row stored is read back.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RemoteServerBenchmarkTest {
    private static final long ROWS = 10_000;

    @Test
    void everyInsertStoresEveryRow() throws Exception {
        RemoteServerBenchmark benchmark = new RemoteServerBenchmark();
        List<RemoteServerBenchmark.InsertTarget> targets = List.of(new RemoteServerBenchmark.BrookServerInsert(),
                new RemoteServerBenchmark.BrookEmbeddedInsert(), new RemoteServerBenchmark.AvaticaServerInsert());
        for (RemoteServerBenchmark.InsertTarget target : targets) {
            target.rows = ROWS;
            target.batchRows = 3_000; // not a divisor of ROWS, so the last, partial batch runs too
            target.connect();
            try {
                target.createTable();
                long inserted = switch (target) {
                    case RemoteServerBenchmark.BrookServerInsert server -> benchmark.brookServerInsert(server);
                    case RemoteServerBenchmark.BrookEmbeddedInsert embedded -> benchmark.brookEmbeddedInsert(embedded);
                    case RemoteServerBenchmark.AvaticaServerInsert avatica -> benchmark.avaticaServerInsert(avatica);
                    default -> throw new AssertionError(target);
                };
                String system = target.getClass().getSimpleName();
                assertEquals(ROWS, inserted, system);
                assertChecksum(system, JdbcRows.readAll(target.connection, target.endpoint.selectAll(target.table), 1_000));
                target.dropTable();
            } finally {
                target.close();
            }
        }
    }

    @Test
    void everyQueryReadsEveryRow() throws Exception {
        RemoteServerBenchmark benchmark = new RemoteServerBenchmark();
        List<RemoteServerBenchmark.QueryTarget> targets = List.of(new RemoteServerBenchmark.BrookServerQuery(),
                new RemoteServerBenchmark.BrookEmbeddedQuery(), new RemoteServerBenchmark.AvaticaServerQuery());
        for (RemoteServerBenchmark.QueryTarget target : targets) {
            target.rows = ROWS;
            target.fetchRows = 700; // many fetches, the last one partial
            target.connect();
            try {
                target.load();
                JdbcRows.Checksum read = switch (target) {
                    case RemoteServerBenchmark.BrookServerQuery server -> benchmark.brookServerQuery(server);
                    case RemoteServerBenchmark.BrookEmbeddedQuery embedded -> benchmark.brookEmbeddedQuery(embedded);
                    case RemoteServerBenchmark.AvaticaServerQuery avatica -> benchmark.avaticaServerQuery(avatica);
                    default -> throw new AssertionError(target);
                };
                assertChecksum(target.getClass().getSimpleName(), read);
            } finally {
                target.close();
            }
        }
    }

    private static void assertChecksum(String system, JdbcRows.Checksum read) {
        JdbcRows.Checksum expected = JdbcRows.Checksum.expected(ROWS);
        assertEquals(expected.rows(), read.rows(), system + ": rows");
        assertEquals(expected.idSum(), read.idSum(), system + ": sum of ids");
        assertEquals(expected.hostHashSum(), read.hostHashSum(), system + ": hosts");
        // the rows may come in another order, so the sum of doubles may differ in its last bits
        assertEquals(expected.valueSum(), read.valueSum(), 1e-9 * expected.valueSum(), system + ": sum of values");
    }
}
