package io.brook.server;

import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler.HandlerResponse;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

import java.nio.charset.StandardCharsets;

/**
 * Avatica's wire protocol on one path, in both serializations (SPEC 5.2): the stock remote
 * driver posts both as {@code application/octet-stream}, so a body whose first non-blank byte is
 * <code>{</code> is JSON and anything else protobuf. Errors come back as Avatica error responses.
 */
final class AvaticaEndpoint {
    private final ProtobufHandler protobuf;
    private final JsonHandler json;

    /** What to send back: body, HTTP status and content type. */
    record Reply(byte[] body, int status, String contentType) {
    }

    AvaticaEndpoint(Service service) {
        this.protobuf = new ProtobufHandler(service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
        this.json = new JsonHandler(service, NoopMetricsSystem.getInstance());
    }

    Reply handle(byte[] body) {
        if (isJson(body)) {
            HandlerResponse<String> response = json.apply(new String(body, StandardCharsets.UTF_8));
            return new Reply(response.getResponse().getBytes(StandardCharsets.UTF_8), response.getStatusCode(),
                    "application/json;charset=utf-8");
        }
        HandlerResponse<byte[]> response = protobuf.apply(body);
        return new Reply(response.getResponse(), response.getStatusCode(), "application/octet-stream");
    }

    static boolean isJson(byte[] body) {
        for (byte value : body) {
            if (!Character.isWhitespace(value)) {
                return value == '{';
            }
        }
        return false;
    }
}
