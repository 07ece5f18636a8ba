package io.brook.jdbc;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Turns engine failures into the SQLException SPEC 2 promises: the Timeplus code as
 * {@code getErrorCode()}, its SQLState, and the engine's message unchanged. Avatica wraps what
 * a Meta throws in exceptions of its own that lose the code, so every entry point of the driver
 * passes what it catches through {@link #translate}.
 */
public final class SqlErrors {
    private SqlErrors() {
    }

    public static SQLException of(BrookException failure) {
        ErrorCode code = failure.code();
        return new SQLException(failure.getMessage(), code.sqlState(), code.number(), failure);
    }

    public static SQLException of(ErrorCode code, String text) {
        return of(new BrookException(code, text));
    }

    /** The error {@code next()} reports after {@code Statement.cancel()}. */
    public static SQLException cancelled() {
        return of(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
    }

    /**
     * The engine failure somewhere in {@code failure}'s causes as an SQLException; a failure that
     * holds none stays as it is (an SQLException) or becomes a general error (code 49, HY000).
     */
    /** What Avatica's client writes before a server's message: the statement, or the prepared one. */
    private static final java.util.regex.Pattern AVATICA_PREFIX = java.util.regex.Pattern.compile(
            "Error while executing (?:SQL \"(?s:.*?)\"|a prepared statement[^:]*): ");

    public static SQLException translate(Throwable failure) {
        BrookException engineFailure = find(failure);
        if (engineFailure != null) {
            return of(engineFailure);
        }
        if (failure instanceof org.apache.calcite.avatica.AvaticaSqlException remote && remote.getErrorCode() > 0) {
            // a server's error: its message, code and SQLState as the server gave them (SPEC 2),
            // without the "Error while executing SQL ..." that Avatica's client puts in front
            java.util.regex.Matcher prefix = AVATICA_PREFIX.matcher(remote.getErrorMessage());
            String message = prefix.lookingAt() ? remote.getErrorMessage().substring(prefix.end()) : remote.getErrorMessage();
            return new SQLException(message, remote.getSQLState(), remote.getErrorCode(), remote);
        }
        if (failure instanceof SQLException sqlException) {
            return sqlException;
        }
        if (failure instanceof org.apache.calcite.avatica.AvaticaClientRuntimeException remote) {
            // a server's error met in a fetch: its code and SQLState came over the wire
            return new SQLException(remote.getMessage(), remote.getSqlState(), remote.getErrorCode(), remote);
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return new SQLException(message, ErrorCode.LOGICAL_ERROR.sqlState(), ErrorCode.LOGICAL_ERROR.number(), failure);
    }

    /** Like {@link #translate} for executeBatch, whose failures JDBC wants as BatchUpdateException. */
    public static BatchUpdateException translateBatch(Throwable failure) {
        if (failure instanceof BatchUpdateException batch) {
            return batch;
        }
        SQLException translated = translate(failure);
        return new BatchUpdateException(translated.getMessage(), translated.getSQLState(),
                translated.getErrorCode(), new long[0], translated);
    }

    private static BrookException find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BrookException engineFailure) {
                return engineFailure;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
