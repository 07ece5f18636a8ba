package io.brook.connector.kafka;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

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

    private static BrookException unreachable(KafkaSettings settings, String reason) {
        return new BrookException(ErrorCode.NETWORK_ERROR, "Cannot reach kafka brokers " + settings.brokers()
                + " for topic " + settings.topic() + ": " + reason);
    }
}
