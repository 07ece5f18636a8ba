package io.brook.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The entry point of {@code benchmarks.jar}: JMH's own command line (same options, e.g.
 * {@code -p rows=1000000 GroupBy}), except that every forked JVM also gets the options of
 * {@code brook-jvm.args} before any given with {@code -jvmArgsPrepend}. After the run it prints
 * each score as rows per second with the Brook/peer ratios ({@link RowRates}).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] arguments) throws Exception {
        CommandLineOptions command = new CommandLineOptions(arguments);
        if (command.shouldHelp() || command.shouldList() || command.shouldListWithParams()
                || command.shouldListProfilers() || command.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(arguments);
            return;
        }
        Collection<RunResult> results = new Runner(withBrookJvmArgs(command)).run();
        System.out.println();
        System.out.print(RowRates.report(results));
    }

    static Options withBrookJvmArgs(Options command) {
        List<String> prepend = new ArrayList<>(JvmArgs.load());
        if (command.getJvmArgsPrepend().hasValue()) {
            prepend.addAll(command.getJvmArgsPrepend().get());
        }
        return new OptionsBuilder().parent(command).jvmArgsPrepend(prepend.toArray(String[]::new)).build();
    }
}
