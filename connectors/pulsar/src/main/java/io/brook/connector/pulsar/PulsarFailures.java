package io.brook.connector.pulsar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.pulsar.client.api.PulsarClientException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed Pulsar client call becomes for the user: a broker that refused the client's
 * authentication fails with code 516 (AUTHENTICATION_FAILED), anything else with code 210
 * (NETWORK_ERROR). The text is {@code what}, then the reason; the token is never part of it
 * (the client's messages do not carry it either).
 */
final class PulsarFailures {
    private PulsarFailures() {
    }

    /** The failure of {@code what} ("Cannot read pulsar topic ..."), caused by {@code e} or what it wraps. */
    static BrookException of(String what, Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof PulsarClientException.AuthenticationException) {
            return new BrookException(ErrorCode.AUTHENTICATION_FAILED, what + ": the broker refused the authentication "
                    + "(the stream's `jwt` is missing, wrong or expired): " + cause.getMessage(), cause);
        }
        return new BrookException(ErrorCode.NETWORK_ERROR, what + ": " + cause.getMessage(), cause);
    }
}
