package io.brook.engine.external;

import java.util.List;

/**
 * One kind of external stream ({@code type='python'}, {@code 'kafka'}, ...). Implementations
 * live in their own modules and are found with {@link java.util.ServiceLoader}; the engine knows
 * none of them by name.
 */
public interface ExternalStreamType {

    /** The value of the {@code type} setting that selects this implementation. */
    String name();

    /** Other accepted values of {@code type}, e.g. {@code redpanda} for kafka. */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * Called once for each engine that opens with this type on the class path, before its
     * catalog is loaded: the place to register system tables. Must be cheap; start heavy
     * runtimes lazily through {@link EngineServices#shared}.
     */
    default void attach(EngineServices services) {
    }

    /**
     * CREATE EXTERNAL STREAM: validates the definition (settings, body, reachability) and returns
     * the stream. A failure is a BrookException with the SPEC's code and text, and the CREATE
     * changes nothing. {@code services} are the engine's that the stream is created in.
     */
    ExternalStream create(ExternalStreamDefinition definition, EngineServices services);

    /**
     * The engine opening: makes again a stream that {@link #create} made in an earlier run, from
     * its persisted definition (with the columns the type found itself, when the DDL listed
     * none). A reopen checks what does not depend on anything outside the engine (settings,
     * columns, body) with the same errors as CREATE, but must not require the remote end to be
     * reachable, nor the topic or stream there to exist: a broker that is down while the engine
     * opens must not keep the stream, and the views that read or write it, from loading. The
     * first read or write then gets the remote's error, and materialized views retry until it is
     * back. The default is {@link #create}, for types whose CREATE contacts nothing.
     *
     * <p>When a reopen fails anyway (a setting this version no longer accepts, say), the engine
     * still opens: it logs the failure, and the stream stays in the catalog with its declared
     * columns, failing every read and write with that error until it is dropped or the engine
     * opens with the cause fixed.
     */
    default ExternalStream reopen(ExternalStreamDefinition definition, EngineServices services) {
        return create(definition, services);
    }
}
