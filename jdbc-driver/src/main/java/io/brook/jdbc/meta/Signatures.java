package io.brook.jdbc.meta;

import io.brook.engine.catalog.Column;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.JdbcMapping;
import io.brook.engine.types.TypeKind;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Avatica's description of results and parameters, made from Brook columns. The column's type
 * name is always the Brook type ({@code nullable(datetime64(3, 'UTC'))}): tools show it, and the
 * driver's accessors read it back to know the values.
 */
public final class Signatures {
    private Signatures() {
    }

    public static Meta.Signature query(String sql, List<Column> columns, List<AvaticaParameter> parameters) {
        return new Meta.Signature(columnsOf(columns), sql, parameters, Map.of(),
                Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
    }

    /** A prepared statement: its result columns if it is a query, and one untyped parameter per {@code ?}. */
    public static Meta.Signature prepared(String sql, List<Column> columns, int parameterCount) {
        List<AvaticaParameter> parameters = new ArrayList<>(parameterCount);
        for (int i = 1; i <= parameterCount; i++) {
            // Brook infers a parameter's type from where it stands, so the driver accepts any value.
            parameters.add(new AvaticaParameter(false, 0, 0, Types.OTHER, "any", Object.class.getName(), "?" + i));
        }
        return new Meta.Signature(columnsOf(columns), sql, parameters, Map.of(),
                Meta.CursorFactory.ARRAY, statementType(sql, columns));
    }

    public static List<ColumnMetaData> columnsOf(List<Column> columns) {
        List<ColumnMetaData> result = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            result.add(column(i, columns.get(i).name(), columns.get(i).type()));
        }
        return result;
    }

    public static ColumnMetaData column(int ordinal, String name, BrookType type) {
        Class<?> javaClass = JdbcMapping.javaClass(type);
        TypeKind kind = type.kind();
        return new ColumnMetaData(ordinal, false, kind.isStringLike(), true, false,
                type.nullable() || kind == TypeKind.NOTHING ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                kind.isNumeric() && !kind.isUnsigned(), displaySize(type), name, name, null,
                JdbcMapping.precision(type), scale(type), null, null, avaticaType(type),
                true, false, false, javaClass.getName());
    }

    /** Digits after the point: a decimal's scale, a datetime64's fraction digits. */
    public static int scale(BrookType type) {
        return switch (type.kind()) {
            case DECIMAL -> type.scale();
            case DATETIME64 -> type.precision();
            default -> 0;
        };
    }

    /**
     * Characters a value takes when printed; unbounded types report Integer.MAX_VALUE, which
     * tools such as sqlline read as "size by the data".
     */
    public static int displaySize(BrookType type) {
        return switch (type.kind()) {
            case INT8 -> 4;
            case INT16 -> 6;
            case INT32 -> 11;
            case INT64, UINT64 -> 20;
            case UINT8 -> 3;
            case UINT16 -> 5;
            case UINT32 -> 10;
            case FLOAT32 -> 15;
            case FLOAT64 -> 24;
            case DECIMAL -> type.precision() + 2;
            case BOOL -> 5;
            case FIXED_STRING -> type.length();
            case UUID -> 36;
            case DATE, DATE32 -> 10;
            case DATETIME -> 19;
            case DATETIME64 -> 19 + (type.precision() > 0 ? type.precision() + 1 : 0);
            case NOTHING -> 4;
            case STRING, ARRAY, MAP, TUPLE -> Integer.MAX_VALUE;
        };
    }

    private static ColumnMetaData.AvaticaType avaticaType(BrookType type) {
        int sqlType = JdbcMapping.sqlType(type);
        if (type.kind() == TypeKind.ARRAY) {
            return ColumnMetaData.array(avaticaType(type.element()), type.toString(), ColumnMetaData.Rep.ARRAY);
        }
        return ColumnMetaData.scalar(sqlType, type.toString(), ColumnMetaData.Rep.of(JdbcMapping.javaClass(type)));
    }

    private static Meta.StatementType statementType(String sql, List<Column> columns) {
        if (!columns.isEmpty()) {
            return Meta.StatementType.SELECT;
        }
        String first = firstWord(sql);
        return switch (first) {
            case "insert" -> Meta.StatementType.INSERT;
            case "select", "with", "show", "describe", "desc", "explain" -> Meta.StatementType.SELECT;
            default -> Meta.StatementType.OTHER_DDL;
        };
    }

    private static String firstWord(String sql) {
        int start = 0;
        while (start < sql.length() && !Character.isLetter(sql.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
