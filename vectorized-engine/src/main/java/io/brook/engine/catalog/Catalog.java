package io.brook.engine.catalog;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.function.user.UserFunctionDefinition;
import io.brook.engine.stream.StreamTable;
import io.brook.storage.catalog.CatalogEntry;
import io.brook.storage.catalog.CatalogStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's live catalog: streams, external streams and materialized views by name, one
 * namespace for all (as in Timeplus); a view without INTO owns the stream of its name. Each object's DDL text is persisted through {@link CatalogStore}, and on
 * start the engine re-executes those definitions to rebuild this catalog.
 *
 * <p>Changes are serialised; a change is persisted before it becomes visible, so a failure to
 * write the catalog leaves the engine as it was.
 */
public final class Catalog {
    public static final String DEFAULT_DATABASE = "default";
    public static final String SYSTEM_DATABASE = "system";
    public static final String KIND_STREAM = "stream";
    public static final String KIND_EXTERNAL_STREAM = "external_stream";
    public static final String KIND_VIEW = "view";
    public static final String KIND_FUNCTION = "function";

    private final CatalogStore store;
    private final Map<String, StreamTable> streams = new ConcurrentHashMap<>();
    private final Map<String, ExternalStreamEntry> externalStreams = new ConcurrentHashMap<>();
    private final Map<String, ViewEntry> views = new ConcurrentHashMap<>();
    /** User functions have a namespace of their own, shared with the built-in functions. */
    private final Map<String, UserFunctionDefinition> functions = new ConcurrentHashMap<>();

    public Catalog(CatalogStore store) {
        this.store = store;
    }

    /** Persisted definitions in creation order, for the engine to replay at start. */
    public List<CatalogEntry> persistedEntries() {
        return store.entries();
    }

    public StreamTable stream(String name) {
        return streams.get(name);
    }

    public ExternalStreamEntry externalStream(String name) {
        return externalStreams.get(name);
    }

    public ViewEntry view(String name) {
        return views.get(name);
    }

    public boolean exists(String name) {
        return streams.containsKey(name) || externalStreams.containsKey(name) || views.containsKey(name);
    }

    public List<StreamTable> streams() {
        return sorted(new ArrayList<>(streams.values()), StreamTable::name);
    }

    public List<ExternalStreamEntry> externalStreams() {
        return sorted(new ArrayList<>(externalStreams.values()), ExternalStreamEntry::name);
    }

    public List<ViewEntry> views() {
        return sorted(new ArrayList<>(views.values()), ViewEntry::name);
    }

    /** The view that reads or writes stream {@code name}, or null; such a stream outlives its views. */
    public ViewEntry viewUsing(String name) {
        for (ViewEntry view : views()) {
            if (view.sources().contains(name) || name.equals(view.target())) {
                return view;
            }
        }
        return null;
    }

    /** What a query reading {@code name} reads: a view with INTO reads its target, anything else itself. */
    public String readName(String name) {
        ViewEntry view = views.get(name);
        return view == null || view.ownsStream() ? name : view.target();
    }

    /**
     * Adds a stream. {@code create} makes the stream's storage and is called only once the name
     * is known to be free; {@code ddl} is persisted when {@code persist} is true (false when
     * replaying the catalog at start).
     */
    public synchronized StreamTable addStream(String name, String ddl, boolean persist, Supplier<StreamTable> create) {
        requireFree(name);
        StreamTable table = create.get();
        if (persist) {
            try {
                store.put(new CatalogEntry(KIND_STREAM, name, ddl, Map.of()));
            } catch (RuntimeException e) {
                table.close();
                throw e;
            }
        }
        streams.put(name, table);
        return table;
    }

    public synchronized void addExternalStream(ExternalStreamEntry entry, String ddl, boolean persist) {
        addExternalStream(entry, ddl, persist, Map.of());
    }

    /** Adds an external stream, persisting {@code properties} beside its DDL for the replay. */
    public synchronized void addExternalStream(ExternalStreamEntry entry, String ddl, boolean persist,
                                               Map<String, String> properties) {
        requireFree(entry.name());
        if (persist) {
            store.put(new CatalogEntry(KIND_EXTERNAL_STREAM, entry.name(), ddl, properties));
        }
        externalStreams.put(entry.name(), entry);
    }

    /**
     * Adds a materialized view. {@code ownStream} makes (or, when replaying, opens) the stream a
     * view without INTO owns, and is null for a view with INTO; it is called only once the name
     * is known to be free. Returns the owned stream, or null.
     */
    public synchronized StreamTable addView(ViewEntry entry, String ddl, boolean persist, Supplier<StreamTable> ownStream) {
        requireFree(entry.name());
        StreamTable table = ownStream == null ? null : ownStream.get();
        if (persist) {
            try {
                store.put(new CatalogEntry(KIND_VIEW, entry.name(), ddl, Map.of()));
            } catch (RuntimeException e) {
                if (table != null) {
                    table.close();
                }
                throw e;
            }
        }
        if (table != null) {
            streams.put(entry.name(), table);
        }
        views.put(entry.name(), entry);
        return table;
    }

    /**
     * Removes a view and, when it owns one, its stream (which the caller closes and deletes);
     * returns the removed view, or null when there is none.
     */
    public synchronized ViewEntry removeView(String name) {
        ViewEntry entry = views.get(name);
        if (entry == null) {
            return null;
        }
        store.remove(KIND_VIEW, name);
        views.remove(name);
        if (entry.ownsStream()) {
            streams.remove(name);
        }
        return entry;
    }

    /** Removes a stream or external stream from the catalog; returns what was removed, or null. */
    public synchronized Object remove(String name) {
        StreamTable table = streams.get(name);
        if (table != null) {
            store.remove(KIND_STREAM, name);
            return streams.remove(name);
        }
        ExternalStreamEntry external = externalStreams.get(name);
        if (external != null) {
            store.remove(KIND_EXTERNAL_STREAM, name);
            return externalStreams.remove(name);
        }
        return null;
    }

    public UserFunctionDefinition function(String name) {
        return functions.get(name);
    }

    public List<UserFunctionDefinition> functions() {
        return sorted(new ArrayList<>(functions.values()), UserFunctionDefinition::name);
    }

    /** Adds or replaces a user function, persisting its DDL (where it stood, when replaced) unless replaying. */
    public synchronized void putFunction(UserFunctionDefinition definition, String ddl, boolean persist) {
        if (persist) {
            store.put(new CatalogEntry(KIND_FUNCTION, definition.name(), ddl, Map.of()));
        }
        functions.put(definition.name(), definition);
    }

    public synchronized void removeFunction(String name) {
        store.remove(KIND_FUNCTION, name);
        functions.remove(name);
    }

    /** The DDL text of each view, by view name, as persisted. */
    public Map<String, String> viewDefinitions() {
        Map<String, String> definitions = new java.util.LinkedHashMap<>();
        for (CatalogEntry entry : store.entries()) {
            if (entry.kind().equals(KIND_VIEW)) {
                definitions.put(entry.name(), entry.definition());
            }
        }
        return definitions;
    }

    private void requireFree(String name) {
        if (exists(name)) {
            throw new BrookException(ErrorCode.STREAM_ALREADY_EXISTS, "Stream " + name + " already exists");
        }
    }

    public static BrookException unknownStream(String name) {
        return new BrookException(ErrorCode.UNKNOWN_STREAM, "Stream " + name + " doesn't exist");
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name) {
        items.sort(java.util.Comparator.comparing(name));
        return items;
    }
}
