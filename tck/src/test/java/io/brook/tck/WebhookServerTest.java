package io.brook.tck;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookServerTest {

    @Test
    void recordsPostsPerPathAndServesThemBackAsAJsonArray() throws Exception {
        try (WebhookServer server = WebhookServer.start(); HttpClient client = HttpClient.newHttpClient()) {
            for (String body : List.of("{\"n\": 1}", "line\n\"two\"\\")) {
                HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/a"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, posted.statusCode());
            }
            HttpResponse<String> a = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/a")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("[\"{\\\"n\\\": 1}\",\"line\\n\\\"two\\\"\\\\\"]", a.body());
            assertEquals(List.of("{\"n\": 1}", "line\n\"two\"\\"), server.bodies("/a"));
            HttpResponse<String> b = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/b")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("[]", b.body());
        }
    }
}
