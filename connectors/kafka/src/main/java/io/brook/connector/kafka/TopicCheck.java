package io.brook.connector.kafka;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.security.cert.CertificateException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The CREATE-time check that the brokers answer and the topic exists, with a short timeout. A
 * reopen of the catalog skips it ({@link ClientConfig#validate} only), so the stream loads while
 * the brokers are down.
 */
final class TopicCheck {
    static final int TIMEOUT_MILLIS = 5_000;

    private TopicCheck() {
    }

    static TopicDescription requireTopic(KafkaSettings settings) {
        Properties properties = ClientConfig.of(settings);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        properties.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(properties)) {
            return admin.describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(TIMEOUT_MILLIS + 1_000L, TimeUnit.MILLISECONDS).get(settings.topic());
        } catch (ExecutionException e) {
            throw failure(settings, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(settings, "no answer in " + TIMEOUT_MILLIS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        } catch (org.apache.kafka.common.KafkaException e) {
            throw ClientConfig.invalid(settings, e);
        }
    }

    private static BrookException failure(KafkaSettings settings, Throwable cause) {
        if (cause instanceof UnknownTopicOrPartitionException) {
            return new BrookException(ErrorCode.UNKNOWN_STREAM, "Topic " + settings.topic()
                    + " doesn't exist on kafka brokers " + settings.brokers());
        }
        if (cause instanceof SslAuthenticationException) {
            return tlsFailure(settings, cause);
        }
        if (cause instanceof AuthenticationException) {
            return new BrookException(ErrorCode.AUTHENTICATION_FAILED, "Kafka brokers " + settings.brokers()
                    + " refused the credentials: " + cause.getMessage());
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return unreachable(settings, cause.getMessage());
        }
        return new BrookException(ErrorCode.NETWORK_ERROR, "Cannot describe topic " + settings.topic()
                + " on kafka brokers " + settings.brokers() + ": " + cause);
    }

    /**
     * A TLS handshake that failed: most often the brokers' certificate is not signed by a CA the
     * stream trusts, or does not name the host in {@code brokers}; the JDK's reason is the
     * {@link CertificateException} in the chain.
     */
    private static BrookException tlsFailure(KafkaSettings settings, Throwable cause) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return new BrookException(ErrorCode.NETWORK_ERROR, "TLS handshake with kafka brokers "
                        + settings.brokers() + " failed: the brokers' certificate could not be verified: "
                        + t.getMessage() + " (set ssl_ca_cert_file or ssl_ca_pem to the CA that signed it, name the "
                        + "brokers in `brokers` as the certificate does, or set skip_ssl_cert_check='true' for a test "
                        + "cluster)");
            }
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new BrookException(ErrorCode.NETWORK_ERROR, "TLS handshake with kafka brokers " + settings.brokers()
                + " failed: " + root.getMessage());
    }

    private static BrookException unreachable(KafkaSettings settings, String reason) {
        return new BrookException(ErrorCode.NETWORK_ERROR, "Cannot reach kafka brokers " + settings.brokers()
                + " for topic " + settings.topic() + ": " + reason);
    }
}
