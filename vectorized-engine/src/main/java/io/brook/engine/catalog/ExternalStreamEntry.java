package io.brook.engine.catalog;

import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;

/** A created external stream: what its DDL said and the live instance its type made. */
public record ExternalStreamEntry(ExternalStreamDefinition definition, ExternalStream stream) {

    public String name() {
        return definition.name();
    }
}
