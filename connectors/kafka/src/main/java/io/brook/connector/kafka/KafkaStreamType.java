package io.brook.connector.kafka;

import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ExternalStreamType;

import java.util.List;

/**
 * {@code type='kafka'} (alias {@code redpanda}, SPEC 4.1): a Kafka topic read with assigned
 * partitions (no consumer group) and written with a producer. CREATE checks the settings, then
 * that the brokers answer and the topic exists; a reopen of the catalog checks the settings only.
 */
public final class KafkaStreamType implements ExternalStreamType {

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<String> aliases() {
        return List.of("redpanda");
    }

    @Override
    public ExternalStream create(ExternalStreamDefinition definition, EngineServices services) {
        KafkaSettings settings = KafkaSettings.of(definition.settings(), definition.columns());
        TopicCheck.requireTopic(settings);
        return new KafkaExternalStream(definition.name(), settings, definition.columns());
    }

    /**
     * Checks the settings and the client properties but not the brokers: the stream loads while
     * they are down, and its first read or write gets their error.
     */
    @Override
    public ExternalStream reopen(ExternalStreamDefinition definition, EngineServices services) {
        KafkaSettings settings = KafkaSettings.of(definition.settings(), definition.columns());
        ClientConfig.validate(settings);
        return new KafkaExternalStream(definition.name(), settings, definition.columns());
    }
}
