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
 * CREATE connects to {@code url} and checks that {@code stream_name} exists.
 */
public final class NatsStreamType implements ExternalStreamType {

    @Override
    public String name() {
        return "nats_jetstream";
    }

    @Override
    public ExternalStream create(ExternalStreamDefinition definition, EngineServices services) {
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
        NatsLink link = new NatsLink(settings);
        try {
            link.check();
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        return new NatsExternalStream(definition.name(), settings, definition.columns(), payload, link);
    }
}
