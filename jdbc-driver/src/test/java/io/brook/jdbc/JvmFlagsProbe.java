package io.brook.jdbc;

import java.sql.DriverManager;
import java.sql.SQLException;

/** Run by {@link JvmFlagsTest} in a JVM without Brook's flags: prints how connecting failed. */
public final class JvmFlagsProbe {
    private JvmFlagsProbe() {
    }

    public static void main(String[] args) {
        try {
            DriverManager.getConnection(args[0]).close();
            System.out.println("connected");
        } catch (SQLException e) {
            System.out.println(e.getSQLState() + ": " + e.getMessage());
        }
    }
}
