package io.brook.jdbc;

import io.brook.engine.BrookVersion;
import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.FunctionInfo;
import io.brook.engine.catalog.ObjectKind;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import io.brook.jdbc.testing.CatalogSnapshot;
import io.brook.jdbc.testing.ScriptedSession;
import io.brook.jdbc.testing.TestConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseMetaDataTest {
    private static final List<Column> EVENT_COLUMNS = List.of(
            Column.of("id", BrookType.INT64),
            new Column("name", BrookType.STRING.withNullable(true), "'unknown'"),
            Column.of("price", BrookType.decimal(10, 2)),
            Column.of("_tp_time", BrookType.TP_TIME));

    private final ScriptedSession session = new ScriptedSession().metadata(new CatalogSnapshot(
            List.of("default", "system"),
            List.of(new CatalogObject("default", "events", ObjectKind.STREAM, EVENT_COLUMNS),
                    new CatalogObject("default", "events_by_minute", ObjectKind.MATERIALIZED_VIEW,
                            List.of(Column.of("n", BrookType.UINT64))),
                    new CatalogObject("default", "kafka_in", ObjectKind.EXTERNAL_STREAM,
                            List.of(Column.of("raw", BrookType.STRING))),
                    new CatalogObject("system", "materialized_views", ObjectKind.SYSTEM_TABLE,
                            List.of(Column.of("name", BrookType.STRING)))),
            List.of(new FunctionInfo("count", true, false, "Counts rows"),
                    new FunctionInfo("to_string", false, false, "Converts to string"))));
    private Connection connection;
    private DatabaseMetaData metadata;

    @BeforeEach
    void connect() throws SQLException {
        connection = TestConnections.open(new BrookDriver(properties -> session), "jdbc:brook:mem:metadata");
        metadata = connection.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static List<String> column(ResultSet rows, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(name));
            }
        }
        return values;
    }

    @Test
    void namesAndVersions() throws SQLException {
        assertEquals("Brook", metadata.getDatabaseProductName());
        assertEquals(BrookVersion.VERSION, metadata.getDatabaseProductVersion());
        assertEquals("Brook JDBC Driver", metadata.getDriverName());
        assertEquals(BrookVersion.VERSION, metadata.getDriverVersion());
        assertEquals(BrookVersion.major(), metadata.getDriverMajorVersion());
        assertEquals("jdbc:brook:mem:metadata", metadata.getURL());
        assertEquals("`", metadata.getIdentifierQuoteString());
        assertEquals("database", metadata.getSchemaTerm());
        assertTrue(metadata.getSQLKeywords().contains("EMIT"));
        assertEquals("default", connection.getSchema());
        assertTrue(connection.getAutoCommit());
        assertEquals(Connection.TRANSACTION_NONE, connection.getTransactionIsolation());
    }

    @Test
    void claimsOnlyWhatBrookDoes() throws SQLException {
        assertTrue(metadata.supportsGroupBy());
        assertTrue(metadata.supportsMixedCaseIdentifiers());
        assertTrue(metadata.supportsBatchUpdates());
        assertTrue(metadata.supportsSchemasInDataManipulation());
        assertFalse(metadata.supportsTransactions());
        assertFalse(metadata.supportsUnion());
        assertFalse(metadata.supportsCatalogsInDataManipulation());
        assertFalse(metadata.storesUpperCaseIdentifiers());
        assertFalse(metadata.ownUpdatesAreVisible(ResultSet.TYPE_FORWARD_ONLY));
        assertTrue(metadata.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertFalse(metadata.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    }

    @Test
    void databasesAreSchemasAndThereAreNoCatalogs() throws SQLException {
        assertEquals(List.of("default", "system"), column(metadata.getSchemas(), "TABLE_SCHEM"));
        assertEquals(List.of("system"), column(metadata.getSchemas(null, "sys%"), "TABLE_SCHEM"));
        assertEquals(List.of(), column(metadata.getCatalogs(), "TABLE_CAT"));
        assertEquals(List.of("SYSTEM TABLE", "TABLE", "VIEW"), column(metadata.getTableTypes(), "TABLE_TYPE"));
    }

    @Test
    void tablesWithPatternsAndTypes() throws SQLException {
        assertEquals(List.of("materialized_views", "events", "kafka_in", "events_by_minute"),
                column(metadata.getTables(null, null, "%", null), "TABLE_NAME"));
        assertEquals(List.of("events", "events_by_minute"),
                column(metadata.getTables(null, "default", "events%", null), "TABLE_NAME"));
        assertEquals(List.of("events"), column(metadata.getTables(null, null, "event_", new String[] {"TABLE"}),
                "TABLE_NAME").stream().filter(name -> name.equals("events")).toList());
        assertEquals(List.of("events_by_minute"),
                column(metadata.getTables(null, null, null, new String[] {"VIEW"}), "TABLE_NAME"));
        assertEquals(List.of(), column(metadata.getTables("some_catalog", null, null, null), "TABLE_NAME"));
        try (ResultSet rows = metadata.getTables(null, "system", null, null)) {
            assertTrue(rows.next());
            assertNull(rows.getString("TABLE_CAT"));
            assertEquals("system", rows.getString("TABLE_SCHEM"));
            assertEquals("SYSTEM TABLE", rows.getString("TABLE_TYPE"));
            assertFalse(rows.next());
        }
    }

    @Test
    void columnsHaveJdbcTypesAndBrookTypeNames() throws SQLException {
        try (ResultSet rows = metadata.getColumns(null, "default", "events", null)) {
            assertTrue(rows.next());
            assertEquals("id", rows.getString("COLUMN_NAME"));
            assertEquals(Types.BIGINT, rows.getInt("DATA_TYPE"));
            assertEquals("int64", rows.getString("TYPE_NAME"));
            assertEquals(1, rows.getInt("ORDINAL_POSITION"));
            assertEquals("NO", rows.getString("IS_NULLABLE"));
            assertTrue(rows.next());
            assertEquals("nullable(string)", rows.getString("TYPE_NAME"));
            assertEquals(DatabaseMetaData.columnNullable, rows.getInt("NULLABLE"));
            assertEquals("'unknown'", rows.getString("COLUMN_DEF"));
            assertTrue(rows.next());
            assertEquals(Types.DECIMAL, rows.getInt("DATA_TYPE"));
            assertEquals(10, rows.getInt("COLUMN_SIZE"));
            assertEquals(2, rows.getInt("DECIMAL_DIGITS"));
            assertTrue(rows.next());
            assertEquals("datetime64(3, 'UTC')", rows.getString("TYPE_NAME"));
            assertEquals(Types.TIMESTAMP, rows.getInt("DATA_TYPE"));
            assertFalse(rows.next());
        }
        assertEquals(List.of("_tp_time"), column(metadata.getColumns(null, null, "events", "\\_tp%"), "COLUMN_NAME"));
    }

    @Test
    void typeInfoListsEveryBrookType() throws SQLException {
        List<String> names = column(metadata.getTypeInfo(), "TYPE_NAME");
        for (String type : List.of("int8", "uint64", "float64", "decimal", "bool", "string", "fixed_string", "uuid",
                "date", "date32", "datetime", "datetime64", "array", "map", "tuple")) {
            assertTrue(names.contains(type), type);
            if (!List.of("decimal", "fixed_string", "datetime64", "array", "map", "tuple").contains(type)) {
                assertEquals(type, TypeParser.parse(type).toString());
            }
        }
    }

    @Test
    void functionsAndTheEmptyResultsOfWhatBrookDoesNotHave() throws SQLException {
        assertEquals(List.of("count", "to_string"), column(metadata.getFunctions(null, null, null), "FUNCTION_NAME"));
        assertEquals(List.of("to_string"), column(metadata.getFunctions(null, null, "to\\_%"), "FUNCTION_NAME"));
        try (ResultSet keys = metadata.getPrimaryKeys(null, "default", "events")) {
            assertEquals("KEY_SEQ", keys.getMetaData().getColumnName(5));
            assertFalse(keys.next());
        }
        assertFalse(metadata.getImportedKeys(null, "default", "events").next());
        assertFalse(metadata.getIndexInfo(null, "default", "events", false, true).next());
        assertFalse(metadata.getProcedures(null, null, null).next());
    }
}
