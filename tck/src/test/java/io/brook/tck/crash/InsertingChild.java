package io.brook.tck.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The process the durability test kills: inserts batches of rows through JDBC into a
 * file-backed stream and prints {@code ACK <first id> <count>} after each INSERT returns.
 */
public final class InsertingChild {
    private InsertingChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:brook:file:" + args[0];
        long nextId = Long.parseLong(args[1]);
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE STREAM IF NOT EXISTS acked (id int64, payload string)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acked (id, payload) VALUES (?, ?)")) {
                while (true) {
                    int rows = 1 + (int) (nextId % 50);
                    for (int i = 0; i < rows; i++) {
                        insert.setLong(1, nextId + i);
                        insert.setString(2, "row-" + (nextId + i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    System.out.println("ACK " + nextId + " " + rows);
                    System.out.flush();
                    nextId += rows;
                }
            }
        }
    }
}
