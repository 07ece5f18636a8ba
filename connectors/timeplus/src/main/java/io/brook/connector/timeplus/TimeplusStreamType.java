package io.brook.connector.timeplus;

import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ExternalStreamType;

/**
 * {@code type='timeplus'} (SPEC 4.4): a stream on other Brook servers. Reads are queries on
 * every host merged; writes are REST ingests spread over the hosts. The engine's HTTP client is
 * made with the first such stream.
 */
public final class TimeplusStreamType implements ExternalStreamType {

    @Override
    public String name() {
        return "timeplus";
    }

    @Override
    public ExternalStream create(ExternalStreamDefinition definition, EngineServices services) {
        TimeplusSettings settings = TimeplusSettings.of(definition.settings());
        RemoteBrook remote = services.shared(RemoteBrook.class, RemoteBrook::new);
        return new TimeplusExternalStream(definition.name(), settings,
                RemoteSchema.columns(definition.columns(), settings, remote), remote);
    }
}
