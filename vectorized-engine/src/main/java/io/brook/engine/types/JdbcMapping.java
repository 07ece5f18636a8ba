package io.brook.engine.types;

import java.sql.Types;

/** The one {@link java.sql.Types} code and Java class each Brook type is reported as over JDBC. */
public final class JdbcMapping {
    private JdbcMapping() {
    }

    public static int sqlType(BrookType type) {
        return switch (type.kind()) {
            case INT8 -> Types.TINYINT;
            case INT16, UINT8 -> Types.SMALLINT;
            case INT32, UINT16 -> Types.INTEGER;
            case INT64, UINT32 -> Types.BIGINT;
            case UINT64, DECIMAL -> Types.DECIMAL;
            case FLOAT32 -> Types.REAL;
            case FLOAT64 -> Types.DOUBLE;
            case BOOL -> Types.BOOLEAN;
            case STRING -> Types.VARCHAR;
            case FIXED_STRING -> Types.CHAR;
            case UUID -> Types.OTHER;
            case DATE, DATE32 -> Types.DATE;
            case DATETIME, DATETIME64 -> Types.TIMESTAMP;
            case ARRAY -> Types.ARRAY;
            case MAP -> Types.JAVA_OBJECT;
            case TUPLE -> Types.STRUCT;
            case NOTHING -> Types.NULL;
        };
    }

    /** The class {@code ResultSet.getObject} returns for the type. */
    public static Class<?> javaClass(BrookType type) {
        return switch (type.kind()) {
            case INT8 -> Byte.class;
            case INT16, UINT8 -> Short.class;
            case INT32, UINT16 -> Integer.class;
            case INT64, UINT32 -> Long.class;
            case UINT64, DECIMAL -> java.math.BigDecimal.class;
            case FLOAT32 -> Float.class;
            case FLOAT64 -> Double.class;
            case BOOL -> Boolean.class;
            case STRING, FIXED_STRING -> String.class;
            case UUID -> java.util.UUID.class;
            case DATE, DATE32 -> java.sql.Date.class;
            case DATETIME, DATETIME64 -> java.sql.Timestamp.class;
            case ARRAY -> java.sql.Array.class;
            case MAP -> java.util.Map.class;
            case TUPLE -> java.util.List.class;
            case NOTHING -> Object.class;
        };
    }

    /** Display size and precision a BI tool uses to size a column. */
    public static int precision(BrookType type) {
        return switch (type.kind()) {
            case INT8 -> 3;
            case INT16, UINT8 -> 5;
            case INT32, UINT16 -> 10;
            case INT64, UINT32 -> 19;
            case UINT64 -> 20;
            case DECIMAL -> type.precision();
            case FLOAT32 -> 7;
            case FLOAT64 -> 15;
            case BOOL -> 1;
            case FIXED_STRING -> type.length();
            case UUID -> 36;
            case DATE, DATE32 -> 10;
            case DATETIME, DATETIME64 -> 29;
            default -> 65535;
        };
    }
}
