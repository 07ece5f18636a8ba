package io.brook.engine.statement;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.ExternalStreamEntry;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ExternalStreamType;
import io.brook.engine.external.ExternalStreamTypes;
import io.brook.engine.plan.SettingValues;
import io.brook.engine.sql.ast.CreateExternalStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * CREATE EXTERNAL STREAM: finds the type named by {@code type} through the SPI and lets it
 * validate and build the stream. Without a module for that type the statement fails with
 * code 48 and changes nothing. When the engine opens, the persisted streams are made again with
 * {@link ExternalStreamType#reopen}, which does not need the remote end to answer; a stream that
 * cannot be reopened even so stays in the catalog as an {@link UnavailableExternalStream}.
 */
public final class ExternalStreamDdl {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalStreamDdl.class);
    static final String DISCOVERED_COLUMNS = "discovered_columns";
    private final Catalog catalog;
    private final ExternalStreamTypes types;
    private final StreamDdl streams;
    private final EngineServices services;

    public ExternalStreamDdl(Catalog catalog, ExternalStreamTypes types, StreamDdl streams, EngineServices services) {
        this.catalog = catalog;
        this.types = types;
        this.streams = streams;
        this.services = services;
    }

    public void create(CreateExternalStream create, String ddl, boolean replay) {
        create(create, ddl, replay, Map.of());
    }

    /**
     * Creates the stream; when replaying, {@code properties} are those persisted with it. A type
     * that finds its columns itself (the DDL lists none) has them persisted as
     * {@value #DISCOVERED_COLUMNS}, and gets them back as declared columns when the engine reopens,
     * so a stream whose remote end is away then still opens, with the schema it was created with.
     * When replaying, the type's {@link ExternalStreamType#reopen} makes the stream; should that
     * fail, the failure is logged and the stream is kept, failing each use with that error, so the
     * engine and the views over the stream still open (and DROP STREAM can remove it).
     */
    public void create(CreateExternalStream create, String ddl, boolean replay, Map<String, String> properties) {
        String name = StreamDdl.checkedName(create.name());
        if (create.ifNotExists() && catalog.exists(name)) {
            return;
        }
        Map<String, String> settings = SettingValues.of(create.settings());
        String typeName = settings.get("type");
        if (typeName == null || typeName.isBlank()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Setting 'type' is required for an external stream");
        }
        // at CREATE a missing module is the first error; a reopen keeps the stream even then
        ExternalStreamType type = replay ? null : types.find(typeName);
        List<Column> columns = create.columns().isEmpty() ? DiscoveredColumns.parse(properties.get(DISCOVERED_COLUMNS))
                : streams.columns(create.columns());
        ExternalStreamDefinition definition = new ExternalStreamDefinition(name, columns, create.body(),
                create.bodyLine(), settings);
        ExternalStream stream = replay ? reopen(typeName, definition) : type.create(definition, services);
        try {
            Map<String, String> persisted = create.columns().isEmpty()
                    ? Map.of(DISCOVERED_COLUMNS, DiscoveredColumns.format(stream)) : Map.of();
            catalog.addExternalStream(new ExternalStreamEntry(definition, stream), ddl, !replay, persisted);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** The type's reopen of a persisted stream, or a stream that fails with its error when there is none. */
    private ExternalStream reopen(String typeName, ExternalStreamDefinition definition) {
        try {
            return types.find(typeName).reopen(definition, services);
        } catch (RuntimeException e) {
            BrookException cause = e instanceof BrookException brook ? brook
                    : new BrookException(ErrorCode.LOGICAL_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            LOG.error("External stream {} (type {}) could not be reopened; it stays in the catalog and every read and "
                    + "write of it fails until it is dropped or the engine opens with the cause fixed: {}",
                    definition.name(), typeName, cause.getMessage());
            return new UnavailableExternalStream(definition, cause);
        }
    }
}
