package io.brook.jdbc.access;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.JdbcMapping;
import io.brook.jdbc.meta.Signatures;
import io.brook.jdbc.testing.AllTypes;
import org.apache.calcite.avatica.util.Cursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessorsTest {
    private final List<Column> columns = AllTypes.columns();
    private final CurrentRow row = new CurrentRow();
    private List<Cursor.Accessor> accessors;

    @BeforeEach
    void standOnTheSampleRow() {
        accessors = Accessors.create(Signatures.columnsOf(columns), row, Calendar.getInstance(Locale.ROOT));
        row.set(AllTypes.row());
    }

    private Cursor.Accessor column(String name) {
        return accessors.get(AllTypes.index(name));
    }

    @Test
    void getObjectGivesTheClassJdbcMappingNames() throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Object value = accessors.get(i).getObject();
            if (value != null) {
                Class<?> expected = JdbcMapping.javaClass(columns.get(i).type());
                assertInstanceOf(expected, value, columns.get(i).name());
            }
        }
    }

    @Test
    void integersAndUnsignedIntegers() throws SQLException {
        assertEquals((byte) -8, column("i8").getObject());
        assertEquals((short) 200, column("u8").getObject());
        assertEquals(60_000, column("u16").getObject());
        assertEquals(4_000_000_000L, column("u32").getObject());
        assertEquals(new BigDecimal("18446744073709551615"), column("u64").getObject());
        assertEquals("18446744073709551615", column("u64").getString());
        assertEquals(-16, column("i16").getInt());
        assertEquals(-16.0, column("i16").getDouble());
        assertEquals(4_000_000_000L, column("u32").getLong());
        assertTrue(column("i32").getBoolean());
    }

    @Test
    void narrowingOutOfRangeFailsWithCode321() {
        SQLException tooBig = assertThrows(SQLException.class, () -> column("u64").getLong());
        assertEquals(321, tooBig.getErrorCode());
        assertEquals("22003", tooBig.getSQLState());
        assertEquals(321, assertThrows(SQLException.class, () -> column("u32").getInt()).getErrorCode());
        assertEquals(321, assertThrows(SQLException.class, () -> column("u8").getByte()).getErrorCode());
    }

    @Test
    void decimalsAndFloats() throws SQLException {
        assertEquals(new BigDecimal("12345678.90"), column("dec").getBigDecimal());
        assertEquals("12345678.90", column("dec").getString());
        assertEquals(12345678L, column("dec").getLong());
        assertEquals(new BigDecimal("-1234567890123456789012345678901234567.125"), column("dec_wide").getObject());
        assertEquals(1.5f, column("f32").getObject());
        assertEquals(new BigDecimal("1.5"), column("f32").getBigDecimal());
        assertEquals(2.25d, column("f64").getObject());
    }

    @Test
    void textUuidAndBool() throws SQLException {
        assertEquals("héllo", column("text").getObject());
        assertArrayEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), column("text").getBytes());
        assertEquals("abc", column("fixed").getString());
        assertEquals("lc", column("label").getString());
        assertEquals(AllTypes.SAMPLE_UUID, column("id").getObject());
        assertEquals(AllTypes.SAMPLE_UUID.toString(), column("id").getString());
        assertEquals(AllTypes.SAMPLE_UUID, column("id").getObject(UUID.class));
        assertEquals(16, column("id").getBytes().length);
        assertEquals(Boolean.TRUE, column("flag").getObject());
        assertEquals("true", column("flag").getString());
        assertEquals(1, column("flag").getInt());
    }

    @Test
    void numbersInTextParseAndOtherTextFailsWithCode70() throws SQLException {
        row.set(new Object[] {"42"});
        Cursor.Accessor text = Accessors.create(Signatures.columnsOf(List.of(Column.of("t", io.brook.engine.types.BrookType.STRING))),
                row, null).getFirst();
        assertEquals(42, text.getInt());
        row.set(new Object[] {"forty-two"});
        SQLException failure = assertThrows(SQLException.class, text::getInt);
        assertEquals(70, failure.getErrorCode());
        assertTrue(failure.getMessage().endsWith("(CANNOT_CONVERT_TYPE)"), failure.getMessage());
        assertEquals(70, assertThrows(SQLException.class, () -> text.getTimestamp(null)).getErrorCode());
    }

    @Test
    void datesAreMidnightOfTheDayInTheCalendarZone() throws SQLException {
        Date date = (Date) column("day").getObject();
        assertEquals("2024-01-31", date.toString());
        assertEquals(LocalDate.of(2024, 1, 31), column("day").getObject(LocalDate.class));
        assertEquals("1900-01-01", column("day32").getString());
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"), Locale.ROOT);
        Date inTokyo = column("day").getDate(tokyo);
        assertEquals(Instant.parse("2024-01-30T15:00:00Z").toEpochMilli(), inTokyo.getTime());
        assertEquals(LocalDateTime.of(2024, 1, 31, 0, 0), column("day").getObject(LocalDateTime.class));
    }

    @Test
    void datetimesAreInstantsWhateverTheCalendar() throws SQLException {
        Timestamp nanos = (Timestamp) column("at_ns").getObject();
        assertEquals(AllTypes.SAMPLE_INSTANT, nanos.toInstant());
        assertEquals(123_456_789, nanos.getNanos());
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"), Locale.ROOT);
        assertEquals(Instant.parse("2024-01-31T12:34:56.123Z"), column("at_ms").getTimestamp(tokyo).toInstant());
        assertEquals(Instant.parse("2024-01-31T12:34:56.123Z"), column("at_ms").getObject(Instant.class));
        assertEquals(Instant.parse("2024-01-31T12:34:56.123Z").toEpochMilli(), column("at_ms").getLong());
        assertEquals(OffsetDateTime.of(2024, 1, 31, 20, 34, 56, 123_456_789, ZoneOffset.ofHours(8)),
                column("at_ns").getObject(OffsetDateTime.class));
    }

    @Test
    void datetimeTextHasThePrecisionAndZoneOfItsType() throws SQLException {
        assertEquals("2024-01-31 12:34:56", column("at").getString());
        assertEquals("2024-01-31 12:34:56.123", column("at_ms").getString());
        assertEquals("2024-01-31 12:34:56.123456", column("at_us").getString());
        assertEquals("2024-01-31 20:34:56.123456789", column("at_ns").getString());
    }

    @Test
    void arrays() throws SQLException {
        Array numbers = column("numbers").getArray();
        assertArrayEquals(new Object[] {1, 2, 3}, (Object[]) numbers.getArray());
        assertArrayEquals(new Object[] {2, 3}, (Object[]) numbers.getArray(2, 2));
        assertEquals("int32", numbers.getBaseTypeName());
        assertEquals(java.sql.Types.INTEGER, numbers.getBaseType());
        assertEquals("[1,2,3]", column("numbers").getString());
        assertEquals("['a',NULL,'it\\'s']", column("names").getString());
        assertEquals("[1,2,3]", numbers.toString());
        assertThrows(SQLException.class, () -> numbers.getArray(3, 2));
    }

    @Test
    void mapsAndTuples() throws SQLException {
        assertEquals(Map.of("x", 1.0, "y", 2.5), column("scores").getObject());
        assertEquals("{'x':1.0,'y':2.5}", column("scores").getString());
        assertEquals(List.of(7, "seven"), column("pair").getObject());
        assertEquals("(7,'seven')", column("pair").getString());
        Struct pair = column("pair").getStruct();
        assertArrayEquals(new Object[] {7, "seven"}, pair.getAttributes());
        assertEquals("tuple(a int32, b string)", pair.getSQLTypeName());
        assertEquals(70, assertThrows(SQLException.class, () -> column("scores").getArray()).getErrorCode());
    }

    @Test
    void nullsReadAsNullZeroOrFalseAndWasNullTells() throws SQLException {
        Cursor.Accessor maybe = column("maybe");
        assertNull(maybe.getObject());
        assertTrue(maybe.wasNull());
        assertEquals(0, maybe.getInt());
        assertFalse(maybe.getBoolean());
        assertNull(maybe.getString());
        assertNull(maybe.getObject(Integer.class));
        column("i32").getInt();
        assertFalse(column("i32").wasNull());
    }

    @Test
    void datesInsideNestedValuesBecomeJdbcClasses() throws SQLException {
        List<Column> nested = List.of(Column.of("days", io.brook.engine.types.TypeParser.parse("array(date)")),
                Column.of("times", io.brook.engine.types.TypeParser.parse("map(string, datetime64(3))")));
        row.set(new Object[] {List.of(LocalDate.of(2024, 2, 1)), Map.of("t", Instant.parse("2024-02-01T00:00:00Z"))});
        List<Cursor.Accessor> nestedAccessors = Accessors.create(Signatures.columnsOf(nested), row, null);
        Object[] days = (Object[]) nestedAccessors.get(0).getArray().getArray();
        assertEquals(Date.valueOf(LocalDate.of(2024, 2, 1)), days[0]);
        assertEquals("['2024-02-01']", nestedAccessors.get(0).getString());
        assertEquals(Map.of("t", Timestamp.from(Instant.parse("2024-02-01T00:00:00Z"))), nestedAccessors.get(1).getObject());
        assertEquals("{'t':'2024-02-01 00:00:00.000'}", nestedAccessors.get(1).getString());
    }
}
