package io.brook.connector.timeplus;

import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ExternalStreamType;

/**
 * {@code type='timeplus'} (SPEC 4.4): a stream on other Brook servers. Reads are queries on
 * every host merged; writes are REST ingests spread over the hosts. The engine's HTTP client is
 * made with the first such stream. CREATE contacts the remote only to DESCRIBE a stream declared
 * without columns; the engine keeps the columns found then and hands them back as declared ones
 * when it reopens, so the default {@link ExternalStreamType#reopen} (this CREATE) contacts
 * nothing and the stream loads while the remote is away. Only a stream persisted before those
 * columns were kept still needs the DESCRIBE at reopen.
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
