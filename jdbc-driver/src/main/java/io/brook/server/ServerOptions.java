package io.brook.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code brook server} runs.
 *
 * @param port            the HTTP port; 0 picks a free one
 * @param data            the engine's data directory
 * @param bind            the address to listen on; loopback is forced when there is no users file
 * @param users           the users file, or null for no authentication
 * @param tlsKeystore     a PKCS12 or JKS keystore to serve HTTPS with, or null for plain HTTP
 * @param tlsPassword     the keystore's password
 * @param clientTimeout   how long a JDBC connection may go without a request before the server
 *                        closes it and stops its queries
 * @param maxRequestBytes the largest request body accepted (413 above it)
 */
public record ServerOptions(int port, Path data, String bind, Path users, Path tlsKeystore, String tlsPassword,
                            Duration clientTimeout, long maxRequestBytes) {
    public static final int DEFAULT_PORT = 8765;
    public static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64L << 20;

    /** Plain HTTP on loopback without users, the defaults otherwise. */
    public static ServerOptions local(int port, Path data) {
        return new ServerOptions(port, data, "127.0.0.1", null, null, null, DEFAULT_CLIENT_TIMEOUT,
                DEFAULT_MAX_REQUEST_BYTES);
    }

    public ServerOptions withUsers(Path file) {
        return new ServerOptions(port, data, bind, file, tlsKeystore, tlsPassword, clientTimeout, maxRequestBytes);
    }

    public ServerOptions withClientTimeout(Duration timeout) {
        return new ServerOptions(port, data, bind, users, tlsKeystore, tlsPassword, timeout, maxRequestBytes);
    }

    public ServerOptions withMaxRequestBytes(long bytes) {
        return new ServerOptions(port, data, bind, users, tlsKeystore, tlsPassword, clientTimeout, bytes);
    }

    public ServerOptions withTls(Path keystore, String password) {
        return new ServerOptions(port, data, bind, users, keystore, password, clientTimeout, maxRequestBytes);
    }
}
