package io.brook.jdbc.meta;

import io.brook.engine.types.BrookType;
import io.brook.engine.types.JdbcMapping;
import io.brook.engine.types.TypeKind;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One getTypeInfo row per Brook type (SPEC 1.9), ordered by DATA_TYPE as JDBC asks.
 * nullable(T) and low_cardinality(T) are wrappers of any type, not types of their own.
 */
final class TypeInfoRows {
    private TypeInfoRows() {
    }

    static List<Object> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (TypeKind kind : TypeKind.values()) {
            if (kind != TypeKind.NOTHING) {
                rows.add(row(kind));
            }
        }
        rows.sort(Comparator.comparingInt((Object[] row) -> (Integer) row[1]).thenComparing(row -> (String) row[0]));
        return new ArrayList<>(rows);
    }

    private static Object[] row(TypeKind kind) {
        BrookType sample = sample(kind);
        String name = kind.name().toLowerCase(Locale.ROOT);
        boolean quoted = kind.isStringLike() || kind.isTemporal() || kind == TypeKind.UUID;
        return new Object[] {name, JdbcMapping.sqlType(sample), JdbcMapping.precision(sample),
                quoted ? "'" : null, quoted ? "'" : null, createParameters(kind),
                (short) DatabaseMetaData.typeNullable, kind.isStringLike(),
                (short) (kind.isNested() ? DatabaseMetaData.typePredNone : DatabaseMetaData.typeSearchable),
                kind.isUnsigned(), false, false, name,
                (short) 0, (short) (kind == TypeKind.DECIMAL ? 76 : kind == TypeKind.DATETIME64 ? 9 : 0),
                null, null, kind.isNumeric() ? 10 : null};
    }

    /** A representative of the kind, with the widest parameters, for precision. */
    private static BrookType sample(TypeKind kind) {
        return switch (kind) {
            case DECIMAL -> BrookType.decimal(76, 0);
            case FIXED_STRING -> BrookType.fixedString(65_535);
            case DATETIME64 -> BrookType.datetime64(9, null);
            case ARRAY -> BrookType.array(BrookType.STRING);
            case MAP -> BrookType.map(BrookType.STRING, BrookType.STRING);
            case TUPLE -> BrookType.tuple(List.of(BrookType.STRING), List.of());
            default -> BrookType.simple(kind);
        };
    }

    private static String createParameters(TypeKind kind) {
        return switch (kind) {
            case DECIMAL -> "precision,scale";
            case FIXED_STRING -> "length";
            case DATETIME -> "timezone";
            case DATETIME64 -> "precision,timezone";
            case ARRAY -> "element type";
            case MAP -> "key type,value type";
            case TUPLE -> "element types";
            default -> null;
        };
    }
}
