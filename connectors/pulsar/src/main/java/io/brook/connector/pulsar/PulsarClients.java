package io.brook.connector.pulsar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.pulsar.client.api.AuthenticationFactory;
import org.apache.pulsar.client.api.ClientBuilder;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One engine's Pulsar clients, one per service URL and token, shared by every stream, query and
 * write that uses them (a client holds connections and threads; readers and producers are cheap).
 */
final class PulsarClients implements AutoCloseable {
    /** How long an operation (a lookup, creating a reader or producer, a send) may take before it fails. */
    static final int OPERATION_TIMEOUT_SECONDS = 15;

    private final Map<String, PulsarClient> clients = new HashMap<>();
    private boolean closed;

    synchronized PulsarClient client(PulsarSettings settings) {
        if (closed) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "The engine is closed");
        }
        String key = settings.serviceUrl() + "\n" + (settings.jwt() == null ? "" : settings.jwt());
        PulsarClient client = clients.get(key);
        if (client == null) {
            try {
                ClientBuilder builder = PulsarClient.builder()
                        .serviceUrl(settings.serviceUrl())
                        .operationTimeout(OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .connectionTimeout(OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (settings.jwt() != null) {
                    builder.authentication(AuthenticationFactory.token(settings.jwt()));
                }
                client = builder.build();
            } catch (PulsarClientException e) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Cannot make a Pulsar client for "
                        + settings.serviceUrl() + ": " + e.getMessage(), e);
            }
            clients.put(key, client);
        }
        return client;
    }

    /**
     * Closes every client at once: each takes about 2 s (its event loop waits for quiet before it
     * stops), so an engine with several service URLs or tokens does not wait for them one by one.
     */
    @Override
    public synchronized void close() {
        closed = true;
        CompletableFuture<?>[] closing = clients.values().stream().map(PulsarClient::closeAsync)
                .toArray(CompletableFuture[]::new);
        clients.clear();
        try {
            CompletableFuture.allOf(closing).get(2L * OPERATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing: connections go away with the client's threads anyway
        }
    }
}
