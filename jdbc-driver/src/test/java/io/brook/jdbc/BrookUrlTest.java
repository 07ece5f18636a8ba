package io.brook.jdbc;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrookUrlTest {

    @Test
    void fileUrlsNameADataDirectory() throws SQLException {
        BrookUrl url = BrookUrl.parse("jdbc:brook:file:./brook-data");
        assertEquals(Path.of("brook-data").toAbsolutePath().normalize(), url.engine().dataDirectory());
        assertFalse(url.engine().inMemory());
        assertEquals(Map.of(), url.properties());
        assertEquals(Path.of(System.getProperty("user.home"), "data"),
                BrookUrl.parse("jdbc:brook:file:~/data").engine().dataDirectory());
        assertEquals(Path.of("/tmp/x"), BrookUrl.parse("jdbc:brook:file:/tmp/x").engine().dataDirectory());
    }

    @Test
    void memoryUrlsNameAnEngineAndAnEmptyNameIsPrivate() throws SQLException {
        BrookUrl url = BrookUrl.parse("jdbc:brook:mem:t1");
        assertTrue(url.engine().inMemory());
        assertEquals("mem:t1", url.engine().identity());
        assertNotEquals(BrookUrl.parse("jdbc:brook:mem:").engine().identity(),
                BrookUrl.parse("jdbc:brook:mem:").engine().identity());
    }

    @Test
    void propertiesFollowAfterSemicolons() throws SQLException {
        BrookUrl url = BrookUrl.parse("jdbc:brook:mem:t1;query_mode=table; max_memory_usage = 1000 ;");
        assertEquals(Map.of("query_mode", "table", "max_memory_usage", "1000"), url.properties());
        assertEquals("08001", assertThrows(SQLException.class, () -> BrookUrl.parse("jdbc:brook:mem:t1;oops"))
                .getSQLState());
    }

    @Test
    void aRemoteUrlNamesNoInProcessEngine() {
        SQLException failure = assertThrows(SQLException.class,
                () -> BrookUrl.parse("jdbc:brook:remote:http://localhost:8765"));
        assertTrue(failure.getMessage().contains("names no in-process engine"), failure.getMessage());
    }

    @Test
    void otherUrlsAreNotBrooks() {
        assertFalse(BrookUrl.accepts("jdbc:postgresql://x"));
        assertFalse(BrookUrl.accepts(null));
        assertEquals("08001", assertThrows(SQLException.class, () -> BrookUrl.parse("jdbc:brook:ftp:x")).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class, () -> BrookUrl.parse("jdbc:brook:file:")).getSQLState());
    }
}
