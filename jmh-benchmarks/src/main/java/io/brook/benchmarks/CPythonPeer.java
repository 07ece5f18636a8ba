package io.brook.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer of the Python bridge benchmark: a CPython 3 process ({@code python3}, or the command
 * named by the system property {@code brook.bench.python}) running {@code cpython_peer.py}. It
 * builds its data once, then runs the loop each time {@link #run()} asks and answers with the
 * time the loop took, measured inside Python, and the loop's result. The process lives for one
 * JMH trial; its stdin and stdout are the only channel.
 */
final class CPythonPeer implements AutoCloseable {
    static final String COMMAND_PROPERTY = "brook.bench.python";
    private static final String SCRIPT = "cpython_peer.py";

    private final ScratchDirectory directory;
    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;
    private final String version;
    private final List<Long> loopNanos = new ArrayList<>();

    /** What one run answered: the loop's own time, the rows it saw and its sum. */
    record Answer(long loopNanos, long count, double sum) {
    }

    private CPythonPeer(ScratchDirectory directory, List<String> arguments) throws IOException {
        this.directory = directory;
        Path script = directory.path().resolve(SCRIPT);
        try (InputStream in = CPythonPeer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT);
            }
            Files.copy(in, script);
        }
        List<String> command = new ArrayList<>(List.of(command(), script.toString()));
        command.addAll(arguments);
        this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String ready = answers.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            process.destroyForcibly();
            throw new IllegalStateException("python peer did not start: " + ready);
        }
        this.version = ready.substring("ready ".length());
    }

    /** Whether a CPython 3 command is there to compare with. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder(command(), "-c", "import sys; assert sys.implementation.name == 'cpython'"
                    + " and sys.version_info[0] == 3").redirectErrorStream(true).start();
            probe.getInputStream().transferTo(OutputStream.nullOutputStream());
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The sink loop over {@code rows} hosts (bytes) and the same values as {@link BenchmarkData}. */
    static CPythonPeer sink(long rows) {
        return withValues("sink", rows, List.of());
    }

    /**
     * The scalar function {@code f} over the same values as {@link BenchmarkData}, cut into lists
     * of {@code chunkRows} (the chunks Brook hands the function), its results added up.
     */
    static CPythonPeer scalar(long rows, int chunkRows) {
        return withValues("scalar", rows, List.of(Integer.toString(chunkRows)));
    }

    /** A peer in {@code mode} given the row count, a file of the values and {@code more} arguments. */
    private static CPythonPeer withValues(String mode, long rows, List<String> more) {
        ScratchDirectory directory = new ScratchDirectory("cpython-bench-");
        try {
            Path values = directory.path().resolve("values.f64");
            writeValues(values, rows);
            List<String> arguments = new ArrayList<>(List.of(mode, Long.toString(rows), values.toString()));
            arguments.addAll(more);
            return new CPythonPeer(directory, arguments);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The generator of {@code rows} rows {@code (i, float(i))}, counted and summed. */
    static CPythonPeer source(long rows) {
        ScratchDirectory directory = new ScratchDirectory("cpython-bench-");
        try {
            return new CPythonPeer(directory, List.of("source", Long.toString(rows)));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Runs the loop once and waits for its answer. */
    Answer run() {
        try {
            commands.write("run\n");
            commands.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("python peer ended (exit " + process.waitFor() + ")");
            }
            String[] parts = line.split(" ");
            Answer answer = new Answer(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Double.parseDouble(parts[2]));
            loopNanos.add(answer.loopNanos());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CPython version, e.g. 3.11.7. */
    String version() {
        return version;
    }

    /** The loop times measured inside Python, one per {@link #run()}, in order. */
    List<Long> loopNanos() {
        return List.copyOf(loopNanos);
    }

    @Override
    public void close() {
        try {
            commands.close();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            // the process is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
            directory.close();
        }
    }

    private static String command() {
        return System.getProperty(COMMAND_PROPERTY, "python3");
    }

    /** The {@code value} column of rows 0 .. rows-1 as little-endian float64, for Python's array module. */
    private static void writeValues(Path file, long rows) throws IOException {
        BenchmarkData.Values values = BenchmarkData.values();
        ByteBuffer buffer = ByteBuffer.allocate(8 * 65_536).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long id = 0; id < rows; id++) {
                if (!buffer.hasRemaining()) {
                    flush(buffer, channel);
                }
                buffer.putDouble(values.next());
            }
            flush(buffer, channel);
        }
    }

    private static void flush(ByteBuffer buffer, FileChannel channel) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
