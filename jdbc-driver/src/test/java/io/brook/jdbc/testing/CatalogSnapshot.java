package io.brook.jdbc.testing;

import io.brook.engine.EngineMetadata;
import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.FunctionInfo;

import java.util.List;

/** A fixed catalog for metadata tests. */
public record CatalogSnapshot(List<String> databases, List<CatalogObject> objects, List<FunctionInfo> functions)
        implements EngineMetadata {
}
