package io.brook.connector.pulsar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.pulsar.client.api.PulsarClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** How failed client calls become errors (the broker tests check them against a real broker). */
@Timeout(30)
class PulsarFailuresTest {

    @Test
    void aRefusedAuthenticationIsCode516EvenWhenWrapped() {
        PulsarClientException.AuthenticationException refused =
                new PulsarClientException.AuthenticationException("Failed to authenticate");
        BrookException failure = PulsarFailures.of("Cannot read pulsar topic t at pulsar://h:6650",
                new CompletionException(new ExecutionException(refused)));
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, failure.code());
        assertEquals("Cannot read pulsar topic t at pulsar://h:6650: the broker refused the authentication "
                + "(the stream's `jwt` is missing, wrong or expired): Failed to authenticate", failure.text());
        assertSame(refused, failure.getCause());
    }

    @Test
    void anyOtherFailureIsANetworkError() {
        PulsarClientException lost = new PulsarClientException.ConnectException("Connection refused");
        BrookException failure = PulsarFailures.of("Cannot write to pulsar topic t", new CompletionException(lost));
        assertEquals(ErrorCode.NETWORK_ERROR, failure.code());
        assertEquals("Cannot write to pulsar topic t: Connection refused", failure.text());
        assertSame(lost, failure.getCause());
    }
}
