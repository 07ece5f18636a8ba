package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.Cursor;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * Chooses each column's accessor from its Brook type, which travels as the column's type name
 * (the driver names every column, metadata results included, with a Brook type).
 */
public final class Accessors {
    private Accessors() {
    }

    public static List<Cursor.Accessor> create(List<ColumnMetaData> columns, CurrentRow row, Calendar connectionCalendar) {
        List<Cursor.Accessor> accessors = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).type.getName();
            // TypeParser reads every type a column can have except the type of a bare NULL.
            BrookType type = name.equals(BrookType.NOTHING.toString()) ? BrookType.NOTHING : TypeParser.parse(name);
            accessors.add(create(type, row, i, connectionCalendar));
        }
        return accessors;
    }

    static ValueAccessor create(BrookType type, CurrentRow row, int column, Calendar connectionCalendar) {
        return switch (type.kind()) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT32, FLOAT64, DECIMAL ->
                    new NumberAccessor(row, column, type);
            case BOOL -> new BooleanAccessor(row, column, type);
            case STRING, FIXED_STRING -> new TextAccessor(row, column, type);
            case UUID -> new UuidAccessor(row, column, type);
            case DATE, DATE32 -> new DateAccessor(row, column, type, connectionCalendar);
            case DATETIME, DATETIME64 -> new TimestampAccessor(row, column, type);
            case ARRAY, MAP, TUPLE -> new NestedAccessor(row, column, type);
            case NOTHING -> new NullAccessor(row, column, type);
        };
    }
}
