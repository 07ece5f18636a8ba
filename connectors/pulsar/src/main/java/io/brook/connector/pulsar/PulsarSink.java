package io.brook.connector.pulsar;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.external.format.MessageFormat;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.TypedMessageBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One INSERT (or view run) into a pulsar stream, through one producer. Each chunk is sent and
 * acknowledged by the broker before {@link #write} returns, so an INSERT that succeeded is in
 * the topic. A {@code _tp_message_key} column gives each message its key; rows of one chunk that
 * share a key go into one message unless the format puts each row in its own.
 */
final class PulsarSink implements ExternalSink {
    private final PulsarSettings settings;
    private final Producer<byte[]> producer;
    private final MessageFormat format;
    private final boolean oneMessagePerRow;
    private final int keyIndex;
    private final int[] dataColumns;

    private PulsarSink(PulsarSettings settings, Producer<byte[]> producer, List<Column> columns, MessageFormat format,
                       boolean oneMessagePerRow) {
        this.settings = settings;
        this.producer = producer;
        this.format = format;
        this.oneMessagePerRow = oneMessagePerRow;
        List<String> names = columns.stream().map(Column::name).toList();
        this.keyIndex = names.indexOf(PulsarExternalStream.KEY_COLUMN);
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (PulsarExternalStream.isData(names.get(i))) {
                data.add(i);
            }
        }
        this.dataColumns = data.stream().mapToInt(Integer::intValue).toArray();
    }

    static PulsarSink open(PulsarSettings settings, PulsarClient client, List<Column> columns, MessageFormat format,
                           boolean oneMessagePerRow) {
        try {
            Producer<byte[]> producer = client.newProducer()
                    .topic(settings.topic())
                    .blockIfQueueFull(true)
                    // a send the broker has not acknowledged in this time fails (also while reconnecting)
                    .sendTimeout(PulsarClients.OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .create();
            return new PulsarSink(settings, producer, columns, format, oneMessagePerRow);
        } catch (PulsarClientException e) {
            throw PulsarFailures.of("Cannot write to pulsar topic " + settings.topic() + " at " + settings.serviceUrl(), e);
        }
    }

    @Override
    public void write(Chunk chunk) {
        List<CompletableFuture<MessageId>> sent = new ArrayList<>();
        String groupKey = null;
        List<byte[]> group = new ArrayList<>();
        for (int row = 0; row < chunk.size(); row++) {
            int position = chunk.position(row);
            String key = keyIndex < 0 ? null : text(VectorReader.value(chunk.column(keyIndex), position));
            List<Object> values = new ArrayList<>(dataColumns.length);
            for (int column : dataColumns) {
                values.add(VectorReader.value(chunk.column(column), position));
            }
            byte[] body = format.encode(values);
            if (!group.isEmpty() && (oneMessagePerRow || !Objects.equals(key, groupKey))) {
                sent.add(send(groupKey, group));
                group = new ArrayList<>();
            }
            groupKey = key;
            group.add(body);
        }
        if (!group.isEmpty()) {
            sent.add(send(groupKey, group));
        }
        await(sent);
    }

    private CompletableFuture<MessageId> send(String key, List<byte[]> bodies) {
        TypedMessageBuilder<byte[]> message = producer.newMessage().value(join(bodies));
        if (key != null && !key.isEmpty()) {
            message.key(key);
        }
        return message.sendAsync();
    }

    /** Several rows' bodies as one message body, separated as the format separates rows. */
    private byte[] join(List<byte[]> bodies) {
        if (bodies.size() == 1) {
            return bodies.getFirst();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] body : bodies) {
            if (out.size() > 0) {
                out.writeBytes(format.rowSeparator());
            }
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private void await(List<CompletableFuture<MessageId>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(2L * PulsarClients.OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        } catch (ExecutionException | CompletionException e) {
            throw PulsarFailures.of("Cannot write to pulsar topic " + settings.topic(), e);
        } catch (TimeoutException e) {
            throw new BrookException(ErrorCode.NETWORK_ERROR, "Cannot write to pulsar topic " + settings.topic()
                    + ": the broker did not acknowledge the messages in time");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }

    @Override
    public void close() {
        producer.closeAsync();
    }
}
