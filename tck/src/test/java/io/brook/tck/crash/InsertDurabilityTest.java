package io.brook.tck.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An INSERT that returned survives SIGKILL (SPEC 1.3): a child JVM inserts through JDBC and
 * acknowledges each batch; the test kills it at a random moment, reopens the directory, and
 * checks that every acknowledged row is there exactly once and the stream still works.
 */
class InsertDurabilityTest {
    private static final int ROUNDS = 4;

    @Test
    void acknowledgedInsertsSurviveSigkill(@TempDir Path directory) throws Exception {
        Random random = new Random();
        long nextId = 0;
        TreeSet<Long> acknowledged = new TreeSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 5 + random.nextInt(60);
            nextId = runChildUntilKilled(directory, nextId, killAfter, acknowledged);
            verify(directory, acknowledged);
        }
    }

    private static long runChildUntilKilled(Path directory, long firstId, int killAfter, TreeSet<Long> acknowledged)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("@" + System.getProperty("brook.jvm.args"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(InsertingChild.class.getName());
        command.add(directory.toString());
        command.add(Long.toString(firstId));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long nextId = firstId;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int acks = 0;
            String line;
            while ((line = output.readLine()) != null) {
                if (!line.startsWith("ACK ")) {
                    continue;
                }
                String[] parts = line.split(" ");
                long first = Long.parseLong(parts[1]);
                int count = Integer.parseInt(parts[2]);
                for (long id = first; id < first + count; id++) {
                    acknowledged.add(id);
                }
                nextId = first + count;
                if (++acks == killAfter) {
                    child.toHandle().destroyForcibly();
                    break;
                }
            }
        }
        child.waitFor();
        assertTrue(nextId > firstId, "the child acknowledged nothing; its exit code was " + child.exitValue());
        // Rows written after the last ack we read may exist too; the next child starts past them.
        return nextId + 1_000;
    }

    private static void verify(Path directory, TreeSet<Long> acknowledged) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:brook:file:" + directory);
             Statement statement = connection.createStatement()) {
            TreeSet<Long> found = new TreeSet<>();
            long rows = 0;
            long expectedSn = 0;
            try (ResultSet result = statement.executeQuery("SELECT id, _tp_sn FROM table(acked) ORDER BY _tp_sn")) {
                while (result.next()) {
                    rows++;
                    found.add(result.getLong(1));
                    assertEquals(expectedSn++, result.getLong(2), "sequence numbers are contiguous");
                }
            }
            assertEquals(rows, found.size(), "no row is there twice");
            assertTrue(found.containsAll(acknowledged), "every acknowledged row survived");
        }
    }
}
