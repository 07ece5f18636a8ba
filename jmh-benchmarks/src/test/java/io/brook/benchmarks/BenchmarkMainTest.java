package io.brook.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner hands brook-jvm.args to the forks, and scores convert to rows per second. */
class BenchmarkMainTest {

    @Test
    void forksGetTheArgfileBeforeTheirOwnOptions() throws Exception {
        Options options = BenchmarkMain.withBrookJvmArgs(
                new CommandLineOptions("-jvmArgsPrepend", "-Xmx4g", "GroupBy"));
        List<String> prepended = List.copyOf(options.getJvmArgsPrepend().get());
        assertTrue(prepended.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), prepended.toString());
        assertEquals("-Xmx4g", prepended.getLast());
        assertEquals(List.of("GroupBy"), options.getIncludes());
    }

    @Test
    void argfileLinesBecomeOptions() {
        assertEquals(List.of("-Da=1", "--enable-native-access=ALL-UNNAMED"),
                JvmArgs.parse("# comment\n-Da=1\n\n  --enable-native-access=ALL-UNNAMED  \n"));
    }

    @Test
    void scoresBecomeRowsPerSecond() {
        assertEquals(1e-3, RowRates.secondsPer("ms/op"));
        assertEquals(1.0, RowRates.secondsPer("s/op"));
        assertEquals("2.50 G", RowRates.rowsPerSecond(2.5e9));
        assertEquals("12.0 M", RowRates.rowsPerSecond(12e6));
    }

    @Test
    void peersPairWithTheBrookMethodOfTheSameTopic() {
        assertEquals("Sink", RowRates.peerTopic("cpythonSink"));
        assertEquals("GroupBy", RowRates.peerTopic("duckdbGroupBy"));
        assertEquals(null, RowRates.peerTopic("brookSink"));
        assertEquals("Tumble", RowRates.peerTopic("esperTumble"));
        assertEquals("CountSum", RowRates.peerTopic("jacksonCountSum"));
    }

    @Test
    void aPeerPairsWithTheBrookResultOfTheSameParameters() {
        RowRates.Rate brookFew = windowRate("brookTumble", "hosts=1000", 500);
        RowRates.Rate brookMany = windowRate("brookTumble", "hosts=1000000", 4_000);
        RowRates.Rate esperFew = windowRate("esperTumble", "hosts=1000", 1_000);
        RowRates.Rate esperMany = windowRate("esperTumble", "hosts=1000000", 2_000);
        List<RowRates.Rate> all = List.of(brookFew, brookMany, esperFew, esperMany);
        assertEquals("brookTumble 2.00", RowRates.ratio(esperFew, all));
        assertEquals("brookTumble 0.50", RowRates.ratio(esperMany, all));
        assertEquals("", RowRates.ratio(brookFew, all));
    }

    private static RowRates.Rate windowRate(String method, String parameters, double medianMillis) {
        return new RowRates.Rate("WindowAggregationBenchmark", method, parameters, 10_000_000, "ms/op", false,
                medianMillis, 0, medianMillis, medianMillis, medianMillis, medianMillis, 3);
    }
}
