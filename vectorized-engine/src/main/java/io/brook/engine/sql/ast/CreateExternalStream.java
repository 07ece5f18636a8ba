package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE EXTERNAL STREAM [IF NOT EXISTS] name [(cols)] [AS $$ body $$] [SETTINGS k=v, ...]}
 * (SPEC 3.1, 4).
 *
 * @param columns  the declared columns; empty when the column list was left out (SPEC 4.4)
 * @param body     the text between the two {@code $$}, verbatim (newlines and indentation kept, so
 *                 line numbers inside it are the body's own); {@code null} without AS
 * @param bodyLine the 1-based line of the statement text on which the body starts (the line of
 *                 the opening {@code $$}); 0 without a body. Line {@code n} of the body is line
 *                 {@code bodyLine + n - 1} of the statement.
 */
public record CreateExternalStream(QualifiedName name, boolean ifNotExists, List<ColumnDef> columns,
                                   String body, int bodyLine, List<Setting> settings)
        implements Statement {
    public CreateExternalStream {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        settings = List.copyOf(settings);
    }
}
