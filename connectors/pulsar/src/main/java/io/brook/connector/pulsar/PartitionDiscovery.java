package io.brook.connector.pulsar;

import org.apache.pulsar.client.api.PulsarClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * How a streaming read of a partitioned topic learns of added partitions: every
 * {@link #INTERVAL_NANOS} it asks the broker for the topic's partitions, without waiting for the
 * answer; the read looks at the answer on a later turn.
 */
final class PartitionDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionDiscovery.class);
    /** How often the partitions are asked for. */
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final PulsarClient client;
    private final String topic;
    private CompletableFuture<List<String>> asking;
    private long lastAnswer = System.nanoTime();

    PartitionDiscovery(PulsarClient client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    /**
     * The topic's partitions once an answer has come; null while none has, or when the look-up
     * failed (it is asked again after the interval). Asks again when the interval has passed.
     */
    List<String> poll() {
        if (asking == null) {
            if (System.nanoTime() - lastAnswer >= INTERVAL_NANOS) {
                asking = client.getPartitionsForTopic(topic, true);
            }
            return null;
        }
        if (!asking.isDone()) {
            return null;
        }
        CompletableFuture<List<String>> answered = asking;
        asking = null;
        lastAnswer = System.nanoTime();
        try {
            return answered.join();
        } catch (CompletionException | CancellationException e) {
            LOG.debug("Could not look up the partitions of pulsar topic {}: {}", topic, e.getMessage());
            return null;
        }
    }

    /** Stops waiting for an answer. */
    void close() {
        CompletableFuture<List<String>> looking = asking;
        if (looking != null) {
            looking.cancel(false);
        }
    }
}
