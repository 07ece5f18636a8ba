package io.brook.engine.query;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements a session is executing that hand back no {@link io.brook.engine.QueryResult}
 * to cancel (INSERT ... SELECT, a large INSERT): the session can still stop them, for JDBC's
 * {@code Statement.cancel()} and the shell's Ctrl-C.
 */
public final class RunningStatements {
    private final Set<QueryContext> running = ConcurrentHashMap.newKeySet();

    /** Tracks {@code context} until the returned handle is closed. */
    public Tracked track(QueryContext context) {
        running.add(context);
        return () -> running.remove(context);
    }

    /** Cancels every tracked statement (code 394); each fails and writes nothing more. */
    public void cancelAll() {
        for (QueryContext context : running) {
            context.cancel();
        }
    }

    /** Ends the tracking of one statement. */
    public interface Tracked extends AutoCloseable {
        @Override
        void close();
    }
}
