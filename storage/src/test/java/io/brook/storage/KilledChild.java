package io.brook.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child process (started with {@link ChildJvm}) that a crash test kills with SIGKILL: the
 * child prints {@code ACK <id>} after each write it has made durable; this reads those lines on
 * a thread of its own and kills the child a while after the first one, so the kill lands while
 * the child works.
 */
public final class KilledChild {
    /** How a JVM killed by SIGKILL (signal 9) exits, as Java reports it. */
    public static final int SIGKILL_EXIT = 128 + 9;
    private static final long FIRST_ACK_WAIT_SECONDS = 180;

    private final Process process;
    private final Path errors;
    private final String context;
    private final CountDownLatch firstAck = new CountDownLatch(1);
    private final AtomicLong lastAck = new AtomicLong();
    private final Thread reader;

    public KilledChild(Process process, Path errors, String context) {
        this.process = process;
        this.errors = errors;
        this.context = context;
        this.reader = Thread.ofPlatform().name("child-acks").start(this::readAcks);
    }

    /**
     * The crash tests' rounds: starts {@code main} with the Brook JVM flags {@code rounds} times
     * on one engine directory and kills each child with SIGKILL a random while (under
     * {@code maxKillDelayMillis}) after its first acknowledged INSERT. Each child's arguments are
     * the engine directory and a seed for its batch sizes; {@code seed} picks those and the kill
     * moments. Returns the last id any child acknowledged.
     */
    public static long killRounds(Class<?> main, Path workDirectory, Path engineDirectory, long seed, int rounds,
                                  int maxKillDelayMillis) throws InterruptedException {
        Random random = new Random(seed);
        long acknowledged = 0;
        for (int round = 1; round <= rounds; round++) {
            long killDelay = random.nextInt(maxKillDelayMillis);
            Path errors = workDirectory.resolve("child-" + round + ".err");
            Process child = ChildJvm.start(main, ChildJvm.brookFlags(), errors, engineDirectory.toString(),
                    Long.toString(random.nextLong()));
            KilledChild killed = new KilledChild(child, errors, "seed " + seed + ", round " + round + ": ");
            acknowledged = Math.max(acknowledged, killed.killAfterFirstAck(killDelay));
        }
        return acknowledged;
    }

    /**
     * Waits for the child's first acknowledged INSERT, then {@code delayMillis}, kills it with
     * SIGKILL, and returns the last id it acknowledged (0 if none).
     */
    public long killAfterFirstAck(long delayMillis) throws InterruptedException {
        try {
            if (!firstAck.await(FIRST_ACK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(context + "the child should acknowledge an INSERT within "
                        + FIRST_ACK_WAIT_SECONDS + " s but did not" + ending());
            }
            Thread.sleep(delayMillis);
            if (!process.isAlive()) {
                throw new AssertionError(context + "the child should still be inserting when killed" + ending());
            }
            process.destroyForcibly();
            int exit = process.waitFor();
            if (exit != SIGKILL_EXIT) {
                throw new AssertionError(context + "the child should die of SIGKILL, exit code " + SIGKILL_EXIT
                        + ", but its exit code is " + exit + ending());
            }
            reader.join();
            return lastAck.get();
        } finally {
            process.destroyForcibly();
        }
    }

    private void readAcks() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    lastAck.set(Long.parseLong(line.substring(4)));
                    firstAck.countDown();
                }
            }
        } catch (IOException e) {
            // the child is gone; the acknowledgements read so far stand
        }
    }

    /** How the child ended, for a failure message: its exit code and the end of its standard error. */
    private String ending() {
        String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        String tail;
        try {
            String text = Files.readString(errors);
            tail = text.substring(Math.max(0, text.length() - 2_000));
        } catch (IOException e) {
            tail = "(no standard error: " + e.getMessage() + ")";
        }
        return "; child " + exit + ", its standard error ends with:\n" + tail;
    }
}
