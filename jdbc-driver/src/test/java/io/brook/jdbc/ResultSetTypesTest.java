package io.brook.jdbc;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.JdbcMapping;
import io.brook.jdbc.testing.AllTypes;
import io.brook.jdbc.testing.ChunkBuilder;
import io.brook.jdbc.testing.ScriptedQueryResult;
import io.brook.jdbc.testing.ScriptedSession;
import io.brook.jdbc.testing.TestConnections;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Brook type through the whole JDBC stack: metadata and values. */
class ResultSetTypesTest {
    private static final String QUERY = "SELECT * FROM table(all_types)";
    private final BufferAllocator allocator = new RootAllocator();
    private final ScriptedSession session = new ScriptedSession();
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        List<Column> columns = AllTypes.columns();
        session.answer(QUERY, parameters -> new ScriptedQueryResult(columns, false)
                .push(ChunkBuilder.of(allocator, columns).row(AllTypes.row()).build()).end());
        connection = TestConnections.open(new BrookDriver(properties -> session), "jdbc:brook:mem:types");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        allocator.close();
    }

    @Test
    void metadataHasTheExactTypeOfEveryColumn() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
            ResultSetMetaData metadata = rows.getMetaData();
            List<Column> columns = AllTypes.columns();
            assertEquals(columns.size(), metadata.getColumnCount());
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                int index = i + 1;
                assertEquals(column.name(), metadata.getColumnLabel(index));
                assertEquals(JdbcMapping.sqlType(column.type()), metadata.getColumnType(index), column.name());
                assertEquals(column.type().toString(), metadata.getColumnTypeName(index));
                assertEquals(JdbcMapping.javaClass(column.type()).getName(), metadata.getColumnClassName(index));
                assertEquals(JdbcMapping.precision(column.type()), metadata.getPrecision(index), column.name());
                assertEquals(column.type().nullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls,
                        metadata.isNullable(index), column.name());
            }
            assertEquals(2, metadata.getScale(AllTypes.index("dec") + 1));
            assertEquals(6, metadata.getScale(AllTypes.index("at_us") + 1));
            assertTrue(metadata.isSigned(AllTypes.index("i32") + 1));
            assertFalse(metadata.isSigned(AllTypes.index("u32") + 1));
            assertEquals(36, metadata.getColumnDisplaySize(AllTypes.index("id") + 1));
        }
    }

    @Test
    void valuesComeBackAsTheirJdbcClasses() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
            assertTrue(rows.next());
            for (Column column : AllTypes.columns()) {
                Object value = rows.getObject(column.name());
                if (value != null) {
                    assertInstanceOf(JdbcMapping.javaClass(column.type()), value, column.name());
                }
            }
            assertEquals((short) 200, rows.getObject("u8"));
            assertEquals(new BigDecimal("18446744073709551615"), rows.getBigDecimal("u64"));
            assertEquals(Date.valueOf("2024-01-31"), rows.getDate("day"));
            assertEquals(Timestamp.from(AllTypes.SAMPLE_INSTANT), rows.getTimestamp("at_ns"));
            assertEquals("2024-01-31 12:34:56.123", rows.getString("at_ms"));
            Array numbers = rows.getArray("numbers");
            assertArrayEquals(new Object[] {1, 2, 3}, (Object[]) numbers.getArray());
            assertEquals(Map.of("x", 1.0, "y", 2.5), rows.getObject("scores"));
            assertEquals(List.of(7, "seven"), rows.getObject("pair"));
            assertEquals(7, rows.getObject("pair", List.class).getFirst());
            assertNull(rows.getObject("maybe"));
            assertEquals(0, rows.getInt("maybe"));
            assertTrue(rows.wasNull());
            assertEquals("abc", rows.getString("fixed"));
            assertFalse(rows.next());
        }
    }
}
