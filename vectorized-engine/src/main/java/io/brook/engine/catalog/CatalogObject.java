package io.brook.engine.catalog;

import java.util.List;

/** A queryable object as metadata tools see it: database, name, kind and columns. */
public record CatalogObject(String database, String name, ObjectKind kind, List<Column> columns) {

    public CatalogObject {
        columns = List.copyOf(columns);
    }
}
