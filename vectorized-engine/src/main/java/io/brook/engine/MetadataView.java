package io.brook.engine;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.CatalogObject;
import io.brook.engine.catalog.ExternalStreamEntry;
import io.brook.engine.catalog.FunctionInfo;
import io.brook.engine.catalog.ObjectKind;
import io.brook.engine.catalog.ViewEntry;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.plan.SystemTable;
import io.brook.engine.plan.SystemTables;
import io.brook.engine.stream.StreamTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link EngineMetadata} read live from the catalog, the function registry and system tables. */
final class MetadataView implements EngineMetadata {
    private final Catalog catalog;
    private final FunctionRegistry functions;
    private final SystemTables systemTables;

    MetadataView(Catalog catalog, FunctionRegistry functions, SystemTables systemTables) {
        this.catalog = catalog;
        this.functions = functions;
        this.systemTables = systemTables;
    }

    @Override
    public List<String> databases() {
        return List.of(Catalog.DEFAULT_DATABASE, Catalog.SYSTEM_DATABASE);
    }

    @Override
    public List<CatalogObject> objects() {
        List<CatalogObject> objects = new ArrayList<>();
        for (StreamTable stream : catalog.streams()) {
            if (catalog.view(stream.name()) != null) {
                continue;
            }
            objects.add(new CatalogObject(Catalog.DEFAULT_DATABASE, stream.name(), ObjectKind.STREAM,
                    stream.schema().stored()));
        }
        for (ExternalStreamEntry external : catalog.externalStreams()) {
            objects.add(new CatalogObject(Catalog.DEFAULT_DATABASE, external.name(), ObjectKind.EXTERNAL_STREAM,
                    external.stream().columns()));
        }
        for (ViewEntry view : catalog.views()) {
            objects.add(new CatalogObject(Catalog.DEFAULT_DATABASE, view.name(), ObjectKind.MATERIALIZED_VIEW,
                    view.columns()));
        }
        objects.sort(java.util.Comparator.comparing(CatalogObject::name));
        for (Map.Entry<String, SystemTable> table : systemTables.all().entrySet()) {
            objects.add(new CatalogObject(Catalog.SYSTEM_DATABASE, table.getKey(), ObjectKind.SYSTEM_TABLE,
                    table.getValue().columns()));
        }
        return objects;
    }

    @Override
    public List<FunctionInfo> functions() {
        return functions.functions();
    }
}
