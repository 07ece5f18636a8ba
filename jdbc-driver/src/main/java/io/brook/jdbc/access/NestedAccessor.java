package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * array, map and tuple values. getObject gives a java.sql.Array for an array, a Map for a map
 * and a List for a tuple (getStruct gives it as a java.sql.Struct); getString gives the
 * Timeplus text.
 */
final class NestedAccessor extends ValueAccessor {
    private final UnaryOperator<Object> converter;
    private final Function<Object, String> text;

    NestedAccessor(CurrentRow row, int column, BrookType type) {
        super(row, column, type);
        this.converter = JdbcValues.converter(type);
        this.text = ValueText.formatter(type);
    }

    @Override
    protected Object toJdbc(Object value) {
        Object converted = converter.apply(value);
        if (type.kind() == TypeKind.ARRAY) {
            return new BrookArray(type.element(), (List<?>) converted, text.apply(value));
        }
        return converted;
    }

    @Override
    protected String toText(Object value) {
        return text.apply(value);
    }

    @Override
    public Array getArray() throws SQLException {
        if (type.kind() != TypeKind.ARRAY) {
            throw cannotConvert("Array");
        }
        return (Array) getObject();
    }

    @Override
    public Struct getStruct() throws SQLException {
        if (type.kind() != TypeKind.TUPLE) {
            throw cannotConvert("Struct");
        }
        Object value = value();
        if (value == null) {
            return null;
        }
        return new BrookStruct(type.toString(), ((List<?>) converter.apply(value)).toArray(), text.apply(value));
    }
}
