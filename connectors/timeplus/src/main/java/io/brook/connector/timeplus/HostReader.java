package io.brook.connector.timeplus;

import com.fasterxml.jackson.databind.JsonNode;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.BrookType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads one host's share of a {@link RemoteSource} on its own thread. A bounded read takes the
 * query's JSON answer. A streaming read follows the server's event stream: {@code data:} events
 * are rows, {@code event: error} fails the read with the server's code, {@code event: end} ends
 * it; the stream closing before its end means the server went away (code 210).
 */
final class HostReader {
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final RemoteSource source;
    private final RemoteBrook remote;
    private final TimeplusSettings settings;
    private final RemoteHost host;
    private final String sql;
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile InputStream events;
    private volatile BrookException failure;

    HostReader(RemoteSource source, RemoteBrook remote, TimeplusSettings settings, RemoteHost host, String sql) {
        this.source = source;
        this.remote = remote;
        this.settings = settings;
        this.host = host;
        this.sql = sql;
        this.thread = Thread.ofPlatform().daemon().name("brook-timeplus-read-" + host).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /**
     * Waits until the host's query runs (for a streaming read: the server answered, so rows
     * appended from now on are seen) and returns how it failed if it did, else null.
     */
    BrookException awaitStarted(long timeoutMillis) throws InterruptedException {
        started.await(timeoutMillis, TimeUnit.MILLISECONDS);
        return failure;
    }

    /** Ends the read: closes the connection (the server then stops the query) and waits for the thread. */
    void stop() {
        closeEvents();
        thread.interrupt();
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            if (source.bounded()) {
                started.countDown();
                for (JsonNode row : remote.query(host, settings, sql, null).path("data")) {
                    if (!source.hand(row(row))) {
                        return;
                    }
                }
            } else {
                try {
                    events = remote.stream(host, settings, sql);
                } finally {
                    started.countDown();
                }
                if (source.stopping()) {
                    closeEvents();
                    return;
                }
                follow(events);
            }
            source.hand(RemoteSource.END);
        } catch (BrookException e) {
            fail(e);
        } catch (IOException e) {
            fail(RemoteBrook.unreachable(host, "read stream " + settings.stream() + " from", e));
        } catch (RuntimeException e) {
            // a value that does not parse as its column's type: the read fails rather than waiting forever
            fail(new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Brook server " + host + " sent a row of stream "
                    + settings.stream() + " that does not fit its columns: " + e.getMessage(), e));
        } finally {
            closeEvents();
        }
    }

    private void fail(BrookException e) {
        failure = e;
        if (!source.stopping()) {
            source.hand(e);
        }
    }

    private void follow(InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String event = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                event = null;
            } else if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                String data = line.substring("data:".length()).strip();
                if (event == null || event.equals("message")) {
                    if (!source.hand(row(RemoteBrook.JSON.readTree(data)))) {
                        return;
                    }
                } else if (event.equals("error")) {
                    JsonNode error = RemoteBrook.JSON.readTree(data);
                    throw RemoteBrook.remoteError(host, error.path("error_msg").asText(), error.path("code").asInt(0));
                } else if (event.equals("end")) {
                    return;
                }
            }
        }
        if (!source.stopping()) {
            throw new BrookException(ErrorCode.NETWORK_ERROR, "Brook server " + host + " closed the read of stream "
                    + settings.stream() + " before it ended");
        }
    }

    private List<Object> row(JsonNode row) {
        List<BrookType> types = source.types();
        if (!row.isArray() || row.size() != types.size()) {
            throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Brook server " + host + " sent a row of "
                    + row.size() + " values for the " + types.size() + " columns read from stream " + settings.stream());
        }
        List<Object> values = new ArrayList<>(types.size());
        for (int column = 0; column < types.size(); column++) {
            values.add(JsonCells.decode(row.get(column), types.get(column)));
        }
        return values;
    }

    private void closeEvents() {
        InputStream open = events;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // the connection is being dropped anyway
            }
        }
    }
}
