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
     * Validates the definition (settings, body, reachability) and returns the stream. Called at
     * CREATE and again when the catalog is reloaded; a failure is a BrookException with the
     * SPEC's code and text, and the CREATE changes nothing. {@code services} are the engine's
     * that the stream is created in.
     */
    ExternalStream create(ExternalStreamDefinition definition, EngineServices services);
}
