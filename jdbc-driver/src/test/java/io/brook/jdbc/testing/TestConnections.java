package io.brook.jdbc.testing;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections of a driver without DriverManager, so a test can use a driver of its own. */
public final class TestConnections {
    private TestConnections() {
    }

    public static Connection open(Driver driver, String url) throws SQLException {
        return driver.connect(url, new Properties());
    }
}
