package io.brook.jdbc.meta;

import io.brook.engine.EngineMetadata;
import io.brook.engine.ExecuteOptions;
import io.brook.engine.QueryResult;
import io.brook.engine.StatementResult;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.TypedValue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.brook.engine.catalog.Column;

/**
 * Avatica's {@link org.apache.calcite.avatica.Meta} implemented once over the Brook engine: the
 * embedded driver calls it in-process, a server puts it behind Avatica's LocalService. One
 * instance serves any number of connections, each with its own engine session.
 *
 * <p>Queries run as {@link RunningQuery}s: execute returns the first frame, {@link #fetch}
 * blocks until the next rows, the end, or a failure. Beyond the Meta interface, the embedded
 * driver calls {@link #cancel}, {@link #closeResults}, {@link #setQueryTimeout} and
 * {@link #setMaxRows}, which Avatica's protocol does not carry.
 */
public final class BrookMeta extends MetadataMeta implements ProtobufMeta {
    /** Rows in a frame when the client names no fetch size. */
    static final int DEFAULT_FRAME_ROWS = 4096;

    private final SessionSource sessions;
    private final long longestFetchWaitNanos;
    private final Map<String, ConnectionState> connections = new ConcurrentHashMap<>();

    /** A Meta whose {@link #fetch} waits as long as it takes for the next row (in-process use). */
    public BrookMeta(SessionSource sessions) {
        this(sessions, Duration.ZERO);
    }

    /**
     * A Meta whose {@link #fetch} waits at most {@code longestFetchWait} for a row, then answers
     * with an empty frame that is not the last (for a server); zero for no limit.
     */
    public BrookMeta(SessionSource sessions, Duration longestFetchWait) {
        this.sessions = sessions;
        this.longestFetchWaitNanos = longestFetchWait.isZero() ? Long.MAX_VALUE : longestFetchWait.toNanos();
    }

    @Override
    public void openConnection(ConnectionHandle connection, Map<String, String> info) {
        if (connections.containsKey(connection.id)) {
            return;
        }
        Map<String, String> properties = info == null ? Map.of() : info;
        EngineSession session = sessions.open(properties);
        connections.put(connection.id, new ConnectionState(session, properties));
    }

    @Override
    public void closeConnection(ConnectionHandle connection) {
        ConnectionState state = connections.remove(connection.id);
        if (state != null) {
            state.close();
        }
    }

    @Override
    public ConnectionProperties connectionSync(ConnectionHandle connection, ConnectionProperties changes) {
        return connection(connection.id).sync(changes);
    }

    @Override
    public StatementHandle createStatement(ConnectionHandle connection) {
        return new StatementHandle(connection.id, connection(connection.id).newStatement(null, null).id, null);
    }

    @Override
    public StatementHandle prepare(ConnectionHandle connection, String sql, long maxRowCount) {
        ConnectionState state = connection(connection.id);
        int parameterCount = state.session.parameterCount(sql);
        Signature signature = Signatures.prepared(sql, describe(state.session, sql, parameterCount), parameterCount);
        StatementState statement = state.newStatement(sql, signature);
        statement.setMaxRows(maxRowCount);
        return new StatementHandle(connection.id, statement.id, signature);
    }

    /**
     * The result columns of a prepared query. The engine cannot yet describe a query whose
     * {@code ?} have no values; such a statement reports its columns once executed, and its
     * other errors (an unknown stream, ...) then too.
     */
    private static List<Column> describe(EngineSession session, String sql, int parameterCount) {
        try {
            return session.describe(sql);
        } catch (BrookException e) {
            if (parameterCount > 0 && e.code() == ErrorCode.BAD_ARGUMENTS) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle handle, String sql, long maxRowCount,
                                           int maxRowsInFirstFrame, PrepareCallback callback)
            throws NoSuchStatementException {
        StatementState statement = statement(handle);
        try {
            synchronized (callback.getMonitor()) {
                callback.clear();
            }
            // Not under the monitor: Statement.cancel() must be able to reach a waiting execution.
            MetaResultSet result = execute(handle, statement, sql, List.of(), List.of(), maxRowCount, maxRowsInFirstFrame);
            synchronized (callback.getMonitor()) {
                callback.assign(result.signature, result.firstFrame, result.updateCount);
            }
            callback.execute();
            return new ExecuteResult(List.of(result));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("deprecation")
    public ExecuteResult prepareAndExecute(StatementHandle handle, String sql, long maxRowCount,
                                           PrepareCallback callback) throws NoSuchStatementException {
        return prepareAndExecute(handle, sql, maxRowCount, -1, callback);
    }

    @Override
    public ExecuteResult execute(StatementHandle handle, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        StatementState statement = statement(handle);
        if (statement.sql == null) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Statement " + handle.id + " was not prepared");
        }
        List<Object> parameters = ParameterValues.toEngine(parameterValues, connection(handle.connectionId).calendar);
        return new ExecuteResult(List.of(execute(handle, statement, statement.sql, parameters,
                statement.signature.parameters, -1, maxRowsInFirstFrame)));
    }

    @Override
    @SuppressWarnings("deprecation")
    public ExecuteResult execute(StatementHandle handle, List<TypedValue> parameterValues, long maxRowCount)
            throws NoSuchStatementException {
        return execute(handle, parameterValues, (int) Math.min(Integer.MAX_VALUE, maxRowCount));
    }

    private MetaResultSet execute(StatementHandle handle, StatementState statement, String sql, List<Object> parameters,
                                  List<AvaticaParameter> parameterSignature, long maxRowCount, int maxRowsInFirstFrame) {
        ExecuteOptions options = statement.options(maxRowCount);
        statement.beginExecution();
        try {
            StatementResult result = connection(handle.connectionId).session.execute(sql, parameters, options);
            if (result instanceof StatementResult.Update update) {
                return MetaResultSet.count(handle.connectionId, handle.id, update.count());
            }
            RunningQuery query = statement.start((QueryResult) result, options);
            Signature signature = Signatures.query(sql, query.columns(), parameterSignature);
            try {
                Frame first = query.firstFrame(frameRows(maxRowsInFirstFrame));
                return MetaResultSet.create(handle.connectionId, handle.id, false, signature, first);
            } catch (RuntimeException e) {
                statement.closeQuery();
                throw e;
            }
        } finally {
            statement.endExecution();
        }
    }

    @Override
    public ExecuteBatchResult executeBatch(StatementHandle handle, List<List<TypedValue>> parameterValues)
            throws NoSuchStatementException {
        StatementState statement = statement(handle);
        ConnectionState state = connection(handle.connectionId);
        List<List<?>> rows = new ArrayList<>(parameterValues.size());
        for (List<TypedValue> row : parameterValues) {
            rows.add(ParameterValues.toEngine(row, state.calendar));
        }
        return new ExecuteBatchResult(state.session.executeBatch(statement.sql, rows, statement.options(-1)));
    }

    /**
     * The protobuf form of {@link #executeBatch}: Avatica's server hands a protobuf batch to this
     * method instead of decoding it (with {@code parameterValues} left null) when the Meta is a
     * {@link ProtobufMeta}, and only then.
     */
    @Override
    public ExecuteBatchResult executeBatchProtobuf(StatementHandle handle, List<Requests.UpdateBatch> batches)
            throws NoSuchStatementException {
        List<List<TypedValue>> rows = new ArrayList<>(batches.size());
        for (Requests.UpdateBatch batch : batches) {
            List<TypedValue> row = new ArrayList<>(batch.getParameterValuesCount());
            for (Common.TypedValue value : batch.getParameterValuesList()) {
                row.add(TypedValue.fromProto(value));
            }
            rows.add(row);
        }
        return executeBatch(handle, rows);
    }

    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle handle, List<String> sqlCommands)
            throws NoSuchStatementException {
        StatementState statement = statement(handle);
        EngineSession session = connection(handle.connectionId).session;
        long[] counts = new long[sqlCommands.size()];
        for (int i = 0; i < counts.length; i++) {
            StatementResult result = session.execute(sqlCommands.get(i), List.of(), statement.options(-1));
            if (result instanceof QueryResult rows) {
                rows.close();
                throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                        "Statement " + (i + 1) + " of the batch returns rows; a batch may only change data or schema");
            }
            counts[i] = ((StatementResult.Update) result).count();
        }
        return new ExecuteBatchResult(counts);
    }

    @Override
    public Frame fetch(StatementHandle handle, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        RunningQuery query = statement(handle).query();
        if (query == null) {
            throw new MissingResultsException(handle);
        }
        return query.nextFrame(offset, frameRows(fetchMaxRowCount), longestFetchWaitNanos);
    }

    @Override
    public Iterable<Object> createIterable(StatementHandle handle, QueryState state, Signature signature,
                                           List<TypedValue> parameters, Frame firstFrame) {
        // Brook's result sets read frames through FrameCursor; only the first frame is known here.
        return firstFrame == null ? List.of() : firstFrame.rows;
    }

    @Override
    public boolean syncResults(StatementHandle handle, QueryState state, long offset) {
        // A query cannot be restarted at an offset (a stream moves on); the client reports the loss.
        return false;
    }

    @Override
    public void closeStatement(StatementHandle handle) {
        ConnectionState state = connections.get(handle.connectionId);
        StatementState statement = state == null ? null : state.removeStatement(handle.id);
        if (statement != null) {
            statement.closeQuery();
        }
    }

    @Override
    public void commit(ConnectionHandle connection) {
        // Every statement commits on its own.
    }

    @Override
    public void rollback(ConnectionHandle connection) {
        // Nothing is ever pending.
    }

    /** Stops the statement's running query from any thread; its consumer sees code 394. */
    public void cancel(StatementHandle handle) {
        StatementState statement = lookup(handle);
        if (statement != null && statement.cancel()) {
            // An INSERT ... SELECT (or any statement still executing) has no query to cancel yet.
            ConnectionState connection = connections.get(handle.connectionId);
            if (connection != null) {
                connection.session.cancelRunningStatements();
            }
        }
    }

    /** Stops and frees the statement's running query; the statement stays usable. */
    public void closeResults(StatementHandle handle) {
        StatementState statement = lookup(handle);
        if (statement != null) {
            statement.closeQuery();
        }
    }

    /** {@code Statement.setQueryTimeout}, in milliseconds; 0 for none. */
    public void setQueryTimeout(StatementHandle handle, long millis) {
        StatementState statement = lookup(handle);
        if (statement != null) {
            statement.setTimeoutMillis(millis);
        }
    }

    /** {@code Statement.setMaxRows}; 0 for no cap. */
    public void setMaxRows(StatementHandle handle, long rows) {
        StatementState statement = lookup(handle);
        if (statement != null) {
            statement.setMaxRows(rows);
        }
    }

    @Override
    EngineMetadata engineMetadata(ConnectionHandle connection) {
        return connection(connection.id).session.metadata();
    }

    @Override
    MetaResultSet finished(ConnectionHandle connection, MetadataShape shape, List<Object> rows) {
        StatementState statement = connection(connection.id).newStatement(null, null);
        return MetaResultSet.create(connection.id, statement.id, true, shape.signature(), new Frame(0, true, rows));
    }

    private static int frameRows(int requested) {
        return requested > 0 ? requested : DEFAULT_FRAME_ROWS;
    }

    private ConnectionState connection(String id) {
        ConnectionState state = connections.get(id);
        if (state == null) {
            throw new NoSuchConnectionException(id);
        }
        state.touch();
        return state;
    }

    /**
     * Closes the connections that have had no request for {@code idle} (a client that went away
     * without closing): their running queries stop as on cancel. Returns how many were closed.
     */
    public int closeIdleConnections(Duration idle) {
        long now = System.nanoTime();
        int closed = 0;
        for (Map.Entry<String, ConnectionState> entry : connections.entrySet()) {
            if (entry.getValue().idleNanos(now) >= idle.toNanos() && connections.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().close();
                closed++;
            }
        }
        return closed;
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.size();
    }

    private StatementState statement(StatementHandle handle) throws NoSuchStatementException {
        StatementState statement = lookup(handle);
        if (statement == null) {
            throw new NoSuchStatementException(handle);
        }
        return statement;
    }

    private StatementState lookup(StatementHandle handle) {
        ConnectionState state = connections.get(handle.connectionId);
        if (state != null) {
            state.touch();
        }
        return state == null ? null : state.statement(handle.id);
    }
}
