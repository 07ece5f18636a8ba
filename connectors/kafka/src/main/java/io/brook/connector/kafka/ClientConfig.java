package io.brook.connector.kafka;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

import java.util.Properties;

/** The Kafka client properties of a stream's settings, shared by its admin, consumers and producer. */
final class ClientConfig {
    private ClientConfig() {
    }

    static Properties of(KafkaSettings settings) {
        Properties properties = new Properties();
        properties.putAll(settings.properties());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.brokers());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, settings.securityProtocol());
        properties.putIfAbsent(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG, "use_all_dns_ips");
        if (settings.securityProtocol().startsWith("SASL")) {
            properties.put(SaslConfigs.SASL_MECHANISM, settings.saslMechanism());
            String module = settings.saslMechanism().equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + quoted(settings.username())
                    + "\" password=\"" + quoted(settings.password()) + "\";");
        }
        if (settings.securityProtocol().endsWith("SSL")) {
            if (settings.sslCaPem() != null) {
                properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
                properties.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, settings.sslCaPem());
            }
            if (settings.skipSslCertCheck()) {
                properties.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
                properties.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, TrustingSslEngineFactory.class);
            }
        }
        return properties;
    }

    /**
     * Checks the client properties against the admin client's definitions without making a
     * client, which would resolve {@code brokers}: what a reopen checks instead of the topic.
     */
    static void validate(KafkaSettings settings) {
        try {
            AdminClientConfig.configDef().parse(of(settings));
        } catch (KafkaException e) {
            throw invalid(settings, e);
        }
    }

    /** Properties that a client refuses (a bad value, a class that is not there). */
    static BrookException invalid(KafkaSettings settings, KafkaException e) {
        return new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid kafka client configuration for topic "
                + settings.topic() + ": " + e.getMessage());
    }

    /** Escapes a value inside the double quotes of a JAAS option. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
