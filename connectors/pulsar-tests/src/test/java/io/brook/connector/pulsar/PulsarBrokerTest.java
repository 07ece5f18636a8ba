package io.brook.connector.pulsar;

import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process standalone starts and carries a message from a producer to a reader. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PulsarBrokerTest {

    @Test
    void brokerCarriesAMessage() throws Exception {
        PulsarBroker broker = PulsarBroker.get();
        assertTrue(broker.serviceUrl().startsWith("pulsar://127.0.0.1:"), broker.serviceUrl());
        String topic = PulsarBroker.topic("harness");
        try (PulsarClient client = broker.client();
             Producer<byte[]> producer = client.newProducer().topic(topic).create();
             Reader<byte[]> reader = client.newReader().topic(topic).startMessageId(MessageId.earliest).create()) {
            producer.newMessage().key("k").value("hello".getBytes(StandardCharsets.UTF_8)).send();
            Message<byte[]> message = reader.readNext(30, TimeUnit.SECONDS);
            assertNotNull(message, "no message within 30 s");
            assertEquals("hello", new String(message.getValue(), StandardCharsets.UTF_8));
            assertEquals("k", message.getKey());
        }
    }
}
