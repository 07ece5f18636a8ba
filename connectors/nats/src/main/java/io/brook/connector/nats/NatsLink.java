package io.brook.connector.nats;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamInfo;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The connection of one nats_jetstream external stream to its server, opened at CREATE (which
 * also checks that the JetStream stream exists), or by the first read or write of a stream the
 * engine reopened from its catalog, and reopened on next use if it was closed (or could not be
 * made). Errors name the url; credentials never appear in them.
 */
final class NatsLink implements AutoCloseable {
    /**
     * Also how long a refused login takes to report: the client learns of it only when this
     * runs out.
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** JetStream API error code of a stream that does not exist. */
    private static final int STREAM_NOT_FOUND = 10059;

    private final NatsSettings settings;
    private Connection connection;
    private boolean closed;
    /** Reconnects of the connection so far, for reads to make their consumers again. */
    private final java.util.concurrent.atomic.AtomicLong reconnects = new java.util.concurrent.atomic.AtomicLong();

    NatsLink(NatsSettings settings) {
        this.settings = settings;
    }

    /** Connects and returns the stream's info: fails when the server is unreachable or the stream is missing. */
    StreamInfo check() {
        return streamInfo();
    }

    StreamInfo streamInfo() {
        try {
            JetStreamManagement management = connection().jetStreamManagement();
            return management.getStreamInfo(settings.streamName());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
                throw new BrookException(ErrorCode.UNKNOWN_STREAM, "Stream " + settings.streamName()
                        + " doesn't exist on NATS server " + settings.url() + " (JetStream stream_name)");
            }
            throw failure("JetStream request failed", e);
        } catch (IOException e) {
            throw failure("JetStream request failed", e);
        }
    }

    synchronized Connection connection() {
        if (closed) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "The NATS connection of stream " + settings.streamName() + " is closed");
        }
        if (connection != null && connection.getStatus() != Connection.Status.CLOSED) {
            return connection;
        }
        Options.Builder options = new Options.Builder()
                .server(settings.url())
                .connectionName("brook")
                .connectionTimeout(CONNECT_TIMEOUT)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .connectionListener((source, event) -> {
                    if (event == io.nats.client.ConnectionListener.Events.RECONNECTED) {
                        reconnects.incrementAndGet();
                    }
                })
                .errorListener(new ErrorListener() {
                    // the default listener prints to stderr; failures reach users through the calls
                });
        if (settings.hasUser()) {
            options.userInfo(settings.username(), settings.password());
        } else if (settings.hasToken()) {
            options.token(settings.token().toCharArray());
        }
        try {
            connection = Nats.connect(options.build());
            return connection;
        } catch (AuthenticationException e) {
            throw authentication(e);
        } catch (IOException e) {
            if (authenticationProblem(e)) {
                throw authentication(e);
            }
            throw new BrookException(ErrorCode.NETWORK_ERROR, "Cannot connect to NATS server " + settings.url() + ": "
                    + message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        } catch (IllegalArgumentException e) {
            throw NatsSettings.invalid("url", settings.url(), message(e));
        }
    }

    private BrookException authentication(Exception e) {
        return new BrookException(ErrorCode.AUTHENTICATION_FAILED, "NATS server " + settings.url()
                + " refused the credentials of stream " + settings.streamName() + ": " + message(e));
    }

    long reconnects() {
        return reconnects.get();
    }

    static boolean authenticationProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof AuthenticationException || text.contains("authorization violation")
                    || text.contains("authentication")) {
                return true;
            }
        }
        return false;
    }

    BrookException failure(String what, Exception e) {
        return new BrookException(ErrorCode.NETWORK_ERROR, what + " on NATS server " + settings.url() + " for stream "
                + settings.streamName() + ": " + message(e));
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection = null;
        }
    }
}
