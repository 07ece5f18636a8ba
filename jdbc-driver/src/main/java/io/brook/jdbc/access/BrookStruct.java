package io.brook.jdbc.access;

import java.sql.Struct;
import java.util.Map;

/** A tuple value as a java.sql.Struct: its type name and its elements in declared order. */
public final class BrookStruct implements Struct {
    private final String typeName;
    private final Object[] attributes;
    private final String text;

    BrookStruct(String typeName, Object[] attributes, String text) {
        this.typeName = typeName;
        this.attributes = attributes;
        this.text = text;
    }

    @Override
    public String getSQLTypeName() {
        return typeName;
    }

    @Override
    public Object[] getAttributes() {
        return attributes.clone();
    }

    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) {
        return getAttributes();
    }

    @Override
    public String toString() {
        return text;
    }
}
