package io.brook.engine.sql.ast;

import java.util.Objects;

/**
 * A column of CREATE STREAM or CREATE EXTERNAL STREAM: {@code name type [DEFAULT expr] [COMMENT 'text']}.
 *
 * @param defaultValue the DEFAULT expression, or {@code null}
 * @param comment      the COMMENT text, or {@code null}
 */
public record ColumnDef(String name, DataTypeSpec type, Expression defaultValue, String comment) {
    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
