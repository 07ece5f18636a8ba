package io.brook.connector.pulsar;

import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ExternalStreamType;

/**
 * {@code type='pulsar'} (SPEC 4.3): a Pulsar topic, read with a reader (no subscription is kept
 * on the broker) and written with a producer. The engine's clients, one per service URL and token,
 * are made on first use and closed with the engine. CREATE checks the settings only; the broker is
 * first contacted by a query or a write. So the default {@link ExternalStreamType#reopen} (this
 * CREATE) already loads the stream while the broker is down.
 */
public final class PulsarStreamType implements ExternalStreamType {

    @Override
    public String name() {
        return "pulsar";
    }

    @Override
    public ExternalStream create(ExternalStreamDefinition definition, EngineServices services) {
        PulsarSettings settings = PulsarSettings.of(definition.settings());
        return new PulsarExternalStream(definition.name(), settings, definition.columns(),
                () -> services.shared(PulsarClients.class, PulsarClients::new));
    }
}
