package io.brook.engine.expr.vector;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brings a Java value to the one representation {@link VectorReader} returns for a type, so
 * literals, VALUES rows and test data can be written in natural Java (an Integer for an int8,
 * a String for a uuid, a LocalDateTime for a datetime). Values that do not fit fail with the
 * SQL error a user would get.
 */
public final class JavaValues {
    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private JavaValues() {
    }

    public static Object normalize(Object value, BrookType type) {
        if (value == null) {
            return null;
        }
        TypeKind kind = type.kind();
        if (kind == TypeKind.UINT64) {
            return VectorReader.unsigned(uint64Bits(value, type));
        }
        if (kind.isInteger()) {
            return integer(value, type);
        }
        return switch (kind) {
            case FLOAT32 -> number(value, type).floatValue();
            case FLOAT64 -> number(value, type).doubleValue();
            case DECIMAL -> decimal(value, type);
            case BOOL -> bool(value, type);
            case STRING -> string(value, type);
            case FIXED_STRING -> fixedString(value, type);
            case UUID -> uuid(value, type);
            case DATE, DATE32 -> date(value, type);
            case DATETIME, DATETIME64 -> instant(value, type);
            case ARRAY -> array(value, type);
            case MAP -> map(value, type);
            case TUPLE -> tuple(value, type);
            case NOTHING -> throw mismatch(value, type);
            default -> throw new IllegalStateException("unhandled kind " + kind);
        };
    }

    /** The bits of a uint64 value given as any Java number. */
    public static long uint64Bits(Object value, BrookType type) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long bits = ((Number) value).longValue();
            if (bits < 0) {
                throw outOfRange(value, type);
            }
            return bits;
        }
        BigInteger integer = bigInteger(value, type);
        if (integer.signum() < 0 || integer.compareTo(UINT64_LIMIT) >= 0) {
            throw outOfRange(value, type);
        }
        return integer.longValue();
    }

    private static Long integer(Object value, BrookType type) {
        long result;
        if (value instanceof Boolean bool) {
            result = bool ? 1 : 0;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            result = ((Number) value).longValue();
        } else {
            BigInteger integer = bigInteger(value, type);
            if (integer.bitLength() > 63) {
                throw outOfRange(value, type);
            }
            result = integer.longValue();
        }
        if (result < minimum(type.kind()) || result > maximum(type.kind())) {
            throw outOfRange(value, type);
        }
        return result;
    }

    public static long minimum(TypeKind kind) {
        return switch (kind) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            default -> 0;
        };
    }

    public static long maximum(TypeKind kind) {
        return switch (kind) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case UINT8 -> 0xFF;
            case UINT16 -> 0xFFFF;
            case UINT32 -> 0xFFFF_FFFFL;
            default -> Long.MAX_VALUE;
        };
    }

    private static BigInteger bigInteger(Object value, BrookType type) {
        if (value instanceof BigInteger integer) {
            return integer;
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return decimal.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw mismatch(value, type);
            }
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (number != Math.rint(number) || Double.isInfinite(number)) {
                throw mismatch(value, type);
            }
            return new BigDecimal(number).toBigInteger();
        }
        throw mismatch(value, type);
    }

    private static Number number(Object value, BrookType type) {
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        throw mismatch(value, type);
    }

    private static BigDecimal decimal(Object value, BrookType type) {
        BigDecimal decimal = switch (value) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> new BigDecimal(f.toString());
            default -> throw mismatch(value, type);
        };
        // ClickHouse truncates extra fractional digits toward zero when it narrows a decimal
        BigDecimal scaled = decimal.setScale(type.scale(), RoundingMode.DOWN);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            throw outOfRange(value, type);
        }
        return scaled;
    }

    private static Boolean bool(Object value, BrookType type) {
        return switch (value) {
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            default -> throw mismatch(value, type);
        };
    }

    private static String string(Object value, BrookType type) {
        return switch (value) {
            case String s -> s;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> throw mismatch(value, type);
        };
    }

    private static String fixedString(Object value, BrookType type) {
        byte[] bytes = value instanceof byte[] b ? b : string(value, type).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > type.length()) {
            throw new BrookException(ErrorCode.TOO_LARGE_STRING_SIZE, "Too large value for " + type);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static UUID uuid(Object value, BrookType type) {
        return switch (value) {
            case UUID u -> u;
            case String s -> {
                try {
                    yield UUID.fromString(s);
                } catch (IllegalArgumentException e) {
                    throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse uuid " + s);
                }
            }
            default -> throw mismatch(value, type);
        };
    }

    private static LocalDate date(Object value, BrookType type) {
        return switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case Instant i -> LocalDate.ofInstant(i, zone(type));
            case Long l -> LocalDate.ofEpochDay(l);
            case Integer i -> LocalDate.ofEpochDay(i);
            default -> throw mismatch(value, type);
        };
    }

    private static Instant instant(Object value, BrookType type) {
        Instant instant = switch (value) {
            case Instant i -> i;
            case LocalDateTime t -> t.atZone(zone(type)).toInstant();
            case LocalDate d -> d.atStartOfDay(zone(type)).toInstant();
            case OffsetDateTime t -> t.toInstant();
            case ZonedDateTime t -> t.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw mismatch(value, type);
        };
        return truncate(instant, type);
    }

    /** Drops digits finer than the type stores (datetime: seconds, datetime64(p): 10^-p s). */
    public static Instant truncate(Instant instant, BrookType type) {
        int precision = type.kind() == TypeKind.DATETIME ? 0 : type.precision();
        long unit = 1;
        for (int digit = precision; digit < 9; digit++) {
            unit *= 10;
        }
        return Instant.ofEpochSecond(instant.getEpochSecond(), instant.getNano() / unit * unit);
    }

    /** The time zone a datetime type's wall-clock values are read in; UTC when it names none. */
    public static ZoneId zone(BrookType type) {
        return type.timezone() == null ? ZoneOffset.UTC : ZoneId.of(type.timezone());
    }

    private static List<Object> array(Object value, BrookType type) {
        List<?> items = value instanceof Object[] array ? java.util.Arrays.asList(array) : asList(value, type);
        List<Object> result = new ArrayList<>(items.size());
        for (Object item : items) {
            result.add(normalize(item, type.element()));
        }
        return result;
    }

    private static Map<Object, Object> map(Object value, BrookType type) {
        if (!(value instanceof Map<?, ?> map)) {
            throw mismatch(value, type);
        }
        Map<Object, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            result.put(normalize(entry.getKey(), type.elements().get(0)), normalize(entry.getValue(), type.elements().get(1)));
        }
        return result;
    }

    private static List<Object> tuple(Object value, BrookType type) {
        List<?> items = asList(value, type);
        if (items.size() != type.elements().size()) {
            throw mismatch(value, type);
        }
        List<Object> result = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            result.add(normalize(items.get(index), type.elements().get(index)));
        }
        return result;
    }

    private static List<?> asList(Object value, BrookType type) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw mismatch(value, type);
    }

    private static BrookException mismatch(Object value, BrookType type) {
        return new BrookException(ErrorCode.CANNOT_CONVERT_TYPE,
                "Cannot convert " + value.getClass().getSimpleName() + " value " + value + " to " + type);
    }

    private static BrookException outOfRange(Object value, BrookType type) {
        return new BrookException(ErrorCode.VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE,
                "Value " + value + " is out of range of " + type);
    }
}
