package io.brook.jdbc.testing;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One column of every Brook type, and a row of values for them (in the row classes the driver uses). */
public final class AllTypes {
    public static final UUID SAMPLE_UUID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    public static final Instant SAMPLE_INSTANT = Instant.parse("2024-01-31T12:34:56.123456789Z");

    private static final Object[][] COLUMNS = {
        {"i8", "int8", (byte) -8},
        {"i16", "int16", (short) -16},
        {"i32", "int32", -32},
        {"i64", "int64", -64L},
        {"u8", "uint8", (short) 200},
        {"u16", "uint16", 60_000},
        {"u32", "uint32", 4_000_000_000L},
        {"u64", "uint64", new BigDecimal("18446744073709551615")},
        {"f32", "float32", 1.5f},
        {"f64", "float64", 2.25d},
        {"dec", "decimal(10, 2)", new BigDecimal("12345678.90")},
        {"dec_wide", "decimal(50, 3)", new BigDecimal("-1234567890123456789012345678901234567.125")},
        {"flag", "bool", true},
        {"text", "string", "héllo"},
        {"fixed", "fixed_string(8)", "abc"},
        {"id", "uuid", SAMPLE_UUID},
        {"day", "date", LocalDate.of(2024, 1, 31)},
        {"day32", "date32", LocalDate.of(1900, 1, 1)},
        {"at", "datetime", Instant.parse("2024-01-31T12:34:56Z")},
        {"at_ms", "datetime64(3, 'UTC')", Instant.parse("2024-01-31T12:34:56.123Z")},
        {"at_us", "datetime64(6)", Instant.parse("2024-01-31T12:34:56.123456Z")},
        {"at_ns", "datetime64(9, 'Asia/Shanghai')", SAMPLE_INSTANT},
        {"numbers", "array(int32)", List.of(1, 2, 3)},
        {"names", "array(nullable(string))", listOf("a", null, "it's")},
        {"scores", "map(string, float64)", mapOf("x", 1.0, "y", 2.5)},
        {"pair", "tuple(a int32, b string)", List.of(7, "seven")},
        {"maybe", "nullable(int32)", null},
        {"label", "low_cardinality(string)", "lc"},
    };

    private AllTypes() {
    }

    public static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (Object[] column : COLUMNS) {
            columns.add(Column.of((String) column[0], TypeParser.parse((String) column[1])));
        }
        return columns;
    }

    public static Object[] row() {
        Object[] row = new Object[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            row[i] = COLUMNS[i][2];
        }
        return row;
    }

    public static int index(String name) {
        for (int i = 0; i < COLUMNS.length; i++) {
            if (COLUMNS[i][0].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    public static BrookType type(String name) {
        return columns().get(index(name)).type();
    }

    private static List<Object> listOf(Object... values) {
        List<Object> list = new ArrayList<>();
        java.util.Collections.addAll(list, values);
        return list;
    }

    private static Map<Object, Object> mapOf(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
