package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/** {@code CREATE STREAM [IF NOT EXISTS] name (col type, ...) [SETTINGS k=v, ...]} (SPEC 1.1). */
public record CreateStream(QualifiedName name, boolean ifNotExists, List<ColumnDef> columns,
                           List<Setting> settings) implements Statement {
    public CreateStream {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        settings = List.copyOf(settings);
    }
}
