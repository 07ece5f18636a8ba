package io.brook.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --tls-keystore}: the server speaks HTTPS only, with the keystore's certificate. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsTest {

    @Test
    void withAKeystoreTheServerSpeaksHttpsOnly(@TempDir Path directory) throws Exception {
        Path keystore = directory.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process made = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "brook", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit"))
                .redirectErrorStream(true).start();
        String output = new String(made.getInputStream().readAllBytes());
        assertEquals(0, made.waitFor(), output);
        try (BrookServer server = BrookServer.start(ServerOptions.local(0, directory.resolve("data"))
                .withTls(keystore, "changeit"))) {
            assertTrue(server.httpUrl().startsWith("https://127.0.0.1:"), server.httpUrl());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
            HttpResponse<String> ping = client.send(HttpRequest.newBuilder(URI.create(server.httpUrl() + "/brook/v1/ping"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode(), ping.body());
            String plain = server.httpUrl().replace("https://", "http://") + "/brook/v1/ping";
            assertThrows(Exception.class, () -> {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(plain))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    throw new AssertionError("plain HTTP was answered: " + response.body());
                }
                throw new IllegalStateException("refused with " + response.statusCode());
            });
        }
    }
}
