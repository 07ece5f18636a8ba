package io.brook.connector.nats;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ExternalStreamType;

import java.util.List;

/**
 * {@code type='nats_jetstream'} (SPEC 4.2): a NATS JetStream stream. Reads go through an ordered
 * consumer that keeps no state on the server; writes are JetStream publishes, each acknowledged.
 * CREATE connects to {@code url} and checks that {@code stream_name} exists; a reopen of the
 * catalog checks the settings only, so the stream loads while the server is down.
 */
public final class NatsStreamType implements ExternalStreamType {

    @Override
    public String name() {
        return "nats_jetstream";
    }

    /** Checks the definition, connects and asks for the JetStream stream: the server must answer and know it. */
    @Override
    public ExternalStream create(ExternalStreamDefinition definition, EngineServices services) {
        NatsExternalStream stream = stream(definition);
        try {
            stream.link().check();
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return stream;
    }

    /**
     * Checks the definition only: the connection is made by the first read or write, which then
     * gets the server's error, so the stream loads while its server is down.
     */
    @Override
    public ExternalStream reopen(ExternalStreamDefinition definition, EngineServices services) {
        return stream(definition);
    }

    private static NatsExternalStream stream(ExternalStreamDefinition definition) {
        if (definition.columns().isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "A nats_jetstream external stream needs its columns declared");
        }
        if (definition.body() != null && !definition.body().isBlank()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "A nats_jetstream external stream takes no AS $$...$$ body");
        }
        List<Column> payload = definition.columns().stream()
                .filter(column -> !column.name().equals(NatsExternalStream.SUBJECT_COLUMN)).toList();
        if (payload.isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "A nats_jetstream external stream needs a column besides " + NatsExternalStream.SUBJECT_COLUMN);
        }
        NatsSettings settings = NatsSettings.of(definition.settings(), payload);
        return new NatsExternalStream(definition.name(), settings, definition.columns(), payload, new NatsLink(settings));
    }
}
