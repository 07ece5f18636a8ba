package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [INTO target] AS SELECT ... [SETTINGS ...]}
 * (SPEC 5.1).
 *
 * <p>Timeplus writes view settings (checkpointing, pause_on_start) after the SELECT, where a
 * query's own settings go, and mixes both kinds there. The parser moves that trailing SETTINGS
 * clause here, so {@code query().settings()} is always empty; the planner hands the query-level
 * ones (seek_to, ...) to the view's query.
 *
 * @param into the INTO target, or {@code null} when the view stores into a stream of its own
 */
public record CreateMaterializedView(QualifiedName name, boolean ifNotExists, QualifiedName into,
                                     Query query, List<Setting> settings) implements Statement {
    public CreateMaterializedView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        settings = List.copyOf(settings);
    }
}
