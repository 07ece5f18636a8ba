package io.brook.engine;

import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.FunctionInfo;

import java.util.List;

/** A consistent view of the catalog for metadata calls (DatabaseMetaData, SHOW, system tables). */
public interface EngineMetadata {

    /** Database names; Brook has {@code default} and {@code system}. */
    List<String> databases();

    /** Every stream, external stream, view and system table, ordered by database then name. */
    List<CatalogObject> objects();

    /** Built-in and user-defined functions, ordered by name. */
    List<FunctionInfo> functions();
}
