package io.brook.engine.plan;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnReference;

import java.util.ArrayList;
import java.util.List;

/** The columns a chunk carries at one point of a plan, in chunk order, resolvable by name. */
public final class Scope {
    private final List<ScopeColumn> columns;

    public Scope(List<ScopeColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    public static Scope of(String qualifier, List<Column> columns, List<String> virtual) {
        List<ScopeColumn> scoped = new ArrayList<>();
        for (Column column : columns) {
            scoped.add(new ScopeColumn(qualifier, column.name(), column.type(), !virtual.contains(column.name())));
        }
        return new Scope(scoped);
    }

    public static Scope empty() {
        return new Scope(List.of());
    }

    public List<ScopeColumn> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    /** The same columns seen under another qualifier (a subquery's or a stream's alias). */
    public Scope requalified(String qualifier) {
        List<ScopeColumn> renamed = new ArrayList<>();
        for (ScopeColumn column : columns) {
            renamed.add(new ScopeColumn(qualifier, column.name(), column.type(), column.inStar()));
        }
        return new Scope(renamed);
    }

    /** Index of the column named by {@code parts} ({@code name} or {@code qualifier.name}), or -1. */
    public int find(List<String> parts) {
        String name = parts.getLast();
        String qualifier = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            ScopeColumn column = columns.get(i);
            if (column.name().equals(name) && (qualifier == null || qualifier.equals(column.qualifier()))) {
                if (found >= 0) {
                    throw new BrookException(ErrorCode.UNKNOWN_IDENTIFIER, "Ambiguous identifier " + String.join(".", parts));
                }
                found = i;
            }
        }
        return found;
    }

    public ColumnReference resolve(List<String> parts) {
        int index = find(parts);
        if (index < 0) {
            throw new BrookException(ErrorCode.UNKNOWN_IDENTIFIER, "Unknown identifier: " + String.join(".", parts));
        }
        ScopeColumn column = columns.get(index);
        return new ColumnReference(index, column.name(), column.type());
    }

    public List<Column> asColumns() {
        List<Column> result = new ArrayList<>();
        for (ScopeColumn column : columns) {
            result.add(Column.of(column.name(), column.type()));
        }
        return result;
    }
}
