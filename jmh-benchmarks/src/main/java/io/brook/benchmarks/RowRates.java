package io.brook.benchmarks;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Turns JMH scores (time per invocation, where an invocation processes all {@code rows} rows)
 * into rows per second, and sets each peer result (a method named {@code duckdb...},
 * {@code cpython...}, {@code esper...}, {@code avatica...} or {@code jackson...}) beside the Brook results ({@code brook...}) of the same
 * benchmark class and row count, preferring the Brook method with the same rest of the name
 * ({@code cpythonSink} goes with {@code brookSink}) and then the one with the same parameters
 * ({@code hosts=1000} with {@code hosts=1000}): a ratio is Brook's rate over the peer's, so above 1 means Brook is
 * faster. Rates use the median iteration, which a noisy machine disturbs less than the mean; a
 * sampled benchmark ({@code SampleTime}) shows the median and the 99th percentile of its samples.
 * The table is Markdown, ready for {@code docs/performance.md}.
 */
final class RowRates {
    private RowRates() {
    }

    /** One scored benchmark: where it belongs, what it measured, its time per invocation. */
    record Rate(String group, String method, String parameters, long rows, String unit, boolean sampled,
                double mean, double error, double median, double min, double max, double p99, long iterations) {

        double rowsPerSecond() {
            return rows / (median * secondsPer(unit));
        }
    }

    static String report(Collection<RunResult> results) {
        List<Rate> rates = new ArrayList<>();
        for (RunResult result : results) {
            rates.add(rate(result.getParams(), result.getPrimaryResult()));
        }
        StringBuilder text = new StringBuilder()
                .append("| benchmark | parameters | median (min - max) | mean ± 99.9% | rows/s (median) | Brook/peer |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Rate rate : rates) {
            String spread = rate.sampled()
                    ? String.format(Locale.ROOT, "%s (p99 %s)", number(rate.median()), number(rate.p99()))
                    : String.format(Locale.ROOT, "%s (%s - %s)", number(rate.median()), number(rate.min()), number(rate.max()));
            text.append(String.format(Locale.ROOT, "| %s.%s | %s | %s %s, n=%d | %s ± %s | %s | %s |%n",
                    rate.group(), rate.method(), rate.parameters(), spread, rate.unit(), rate.iterations(),
                    number(rate.mean()), number(rate.error()),
                    rate.rows() > 0 ? rowsPerSecond(rate.rowsPerSecond()) : "-", ratio(rate, rates)));
        }
        return text.toString();
    }

    static Rate rate(BenchmarkParams params, Result<?> primary) {
        String benchmark = params.getBenchmark();
        int dot = benchmark.lastIndexOf('.');
        String group = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
        String method = benchmark.substring(dot + 1);
        List<String> settings = new ArrayList<>();
        long rows = 0;
        for (String key : params.getParamsKeys()) {
            String value = params.getParam(key);
            settings.add(key + "=" + value);
            if (key.equals("rows")) {
                rows = Long.parseLong(value);
            }
        }
        Statistics statistics = primary.getStatistics();
        return new Rate(group, method, String.join(" ", settings), rows, primary.getScoreUnit(),
                params.getMode() == Mode.SampleTime, primary.getScore(), primary.getScoreError(),
                statistics.getPercentile(50), statistics.getMin(), statistics.getMax(), statistics.getPercentile(99),
                statistics.getN());
    }

    /** Seconds in one unit of a JMH time score such as {@code ms/op}. */
    static double secondsPer(String unit) {
        String time = unit.substring(0, unit.indexOf('/'));
        TimeUnit timeUnit = switch (time) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            case "min" -> TimeUnit.MINUTES;
            default -> throw new IllegalArgumentException("not a time per operation: " + unit);
        };
        return timeUnit.toNanos(1) / 1e9;
    }

    /** On a peer row: each matching Brook result of the same group and rows, as Brook's rate over this one. */
    static String ratio(Rate rate, List<Rate> all) {
        String topic = peerTopic(rate.method());
        if (topic == null || rate.rows() == 0) {
            return "";
        }
        List<Rate> brook = new ArrayList<>();
        for (Rate other : all) {
            if (other.group().equals(rate.group()) && other.rows() == rate.rows() && other.method().startsWith("brook")) {
                brook.add(other);
            }
        }
        List<Rate> sameTopic = brook.stream().filter(other -> other.method().equals("brook" + topic)).toList();
        List<Rate> candidates = sameTopic.isEmpty() ? brook : sameTopic;
        List<Rate> sameParameters = candidates.stream()
                .filter(other -> other.parameters().equals(rate.parameters())).toList();
        List<String> ratios = new ArrayList<>();
        for (Rate other : sameParameters.isEmpty() ? candidates : sameParameters) {
            ratios.add(String.format(Locale.ROOT, "%s %.2f", other.method(), other.rowsPerSecond() / rate.rowsPerSecond()));
        }
        return String.join(", ", ratios);
    }

    /** The rest of a peer method's name ({@code Sink} of {@code cpythonSink}), null for a Brook method. */
    static String peerTopic(String method) {
        for (String peer : List.of("duckdb", "cpython", "esper", "avatica", "jackson")) {
            if (method.startsWith(peer)) {
                return method.substring(peer.length());
            }
        }
        return null;
    }

    static String rowsPerSecond(double rate) {
        return rate >= 1e9 ? String.format(Locale.ROOT, "%.2f G", rate / 1e9)
                : rate >= 1e6 ? String.format(Locale.ROOT, "%.1f M", rate / 1e6)
                : String.format(Locale.ROOT, "%.1f k", rate / 1e3);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3g", value);
    }
}
