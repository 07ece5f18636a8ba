package io.brook.engine.plan;

import io.brook.engine.catalog.Column;

import java.util.List;

/** A table in the {@code system} database whose rows are computed when a query reads it. */
public interface SystemTable {

    List<Column> columns();

    /** The current rows, one Java value per column. */
    List<List<Object>> rows();
}
