package io.brook.jdbc;

import io.brook.engine.EngineConfig;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registered driver, over the real engine facade. */
class BrookDriverTest {

    @Test
    void isFoundByServiceLoaderAndDriverManager() throws SQLException {
        assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == BrookDriver.class));
        assertInstanceOf(BrookDriver.class, DriverManager.getDriver("jdbc:brook:mem:x"));
        assertNull(new BrookDriver().connect("jdbc:other:x", new Properties()));
    }

    @Test
    void connectionsToOneUrlShareOneEngineUntilTheLastCloses() throws SQLException {
        EngineConfig engine = EngineConfig.memory("driver-test-shared");
        Connection first = DriverManager.getConnection("jdbc:brook:mem:driver-test-shared");
        Connection second = DriverManager.getConnection("jdbc:brook:mem:driver-test-shared;query_mode=table");
        assertTrue(EngineRegistry.isOpen(engine));
        assertEquals("Brook", first.getMetaData().getDatabaseProductName());
        first.close();
        assertTrue(EngineRegistry.isOpen(engine));
        second.close();
        assertFalse(EngineRegistry.isOpen(engine));
    }

    @Test
    void aRemoteUrlWithNoServerBehindItFailsWithAClearMessage() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SQLException failure = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:brook:remote:http://127.0.0.1:" + port));
        assertEquals("08001", failure.getSQLState());
        assertTrue(failure.getMessage().startsWith("Cannot reach the Brook server at http://127.0.0.1:" + port),
                failure.getMessage());
    }

    @Test
    void aBadQuerySettingFailsTheConnectionWithItsCode() {
        SQLException failure = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:brook:mem:driver-test-bad;query_mode=sometimes"));
        assertEquals(471, failure.getErrorCode());
        assertEquals("Invalid value 'sometimes' for setting query_mode (INVALID_SETTING_VALUE)", failure.getMessage());
        assertFalse(EngineRegistry.isOpen(EngineConfig.memory("driver-test-bad")), "the failed connection let go");
    }

    @Test
    void offersTheQuerySettingsAsDriverProperties() throws SQLException {
        Properties info = new Properties();
        info.setProperty("query_mode", "table");
        DriverPropertyInfo[] properties = DriverManager.getDriver("jdbc:brook:mem:x").getPropertyInfo("jdbc:brook:mem:x", info);
        DriverPropertyInfo queryMode = properties[0];
        assertEquals("query_mode", queryMode.name);
        assertEquals("table", queryMode.value);
        assertEquals(List.of("streaming", "table"), List.of(queryMode.choices));
    }
}
