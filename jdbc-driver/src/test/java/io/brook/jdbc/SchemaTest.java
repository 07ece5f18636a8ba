package io.brook.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection.setSchema switches the session's database, as USE does. */
class SchemaTest {

    @Test
    void setSchemaChangesWhereUnqualifiedNamesAreFound() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:brook:mem:schema");
             Statement statement = connection.createStatement()) {
            connection.setSchema("system");
            assertEquals("system", connection.getSchema());
            try (ResultSet rows = statement.executeQuery("SELECT count() FROM databases")) {
                assertTrue(rows.next());
                assertEquals(2, rows.getLong(1));
            }
            connection.setSchema("default");
            SQLException unknown = assertThrows(SQLException.class, () -> connection.setSchema("nowhere"));
            assertEquals(81, unknown.getErrorCode());
        }
    }
}
