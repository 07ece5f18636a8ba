package io.brook.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.8 over JDBC: a Python function shows up in DatabaseMetaData.getFunctions and goes with DROP. */
@Timeout(120)
class UserFunctionMetadataTest {

    @Test
    void pythonFunctionsAreListedByGetFunctions() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:brook:mem:user-functions");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION meta_half(v float64) RETURNS float64 LANGUAGE PYTHON AS $$
                    def meta_half(v):
                        return [x / 2 for x in v]
                    $$""");
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet functions = metadata.getFunctions(null, null, "meta\\_%")) {
                assertTrue(functions.next());
                assertEquals("meta_half", functions.getString("FUNCTION_NAME"));
                assertEquals("meta_half(v float64) RETURNS float64 LANGUAGE PYTHON", functions.getString("REMARKS"));
                assertFalse(functions.next());
            }
            try (ResultSet rows = statement.executeQuery("SELECT meta_half(3)")) {
                assertTrue(rows.next());
                assertEquals(1.5, rows.getDouble(1));
            }
            statement.execute("DROP FUNCTION meta_half");
            try (ResultSet functions = metadata.getFunctions(null, null, "meta\\_%")) {
                assertFalse(functions.next());
            }
            SQLException unknown = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT meta_half(3)"));
            assertEquals(46, unknown.getErrorCode());
            assertEquals("42883", unknown.getSQLState());
        }
    }
}
