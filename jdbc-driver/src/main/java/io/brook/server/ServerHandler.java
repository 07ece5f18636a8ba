package io.brook.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brook.engine.error.BrookException;
import io.brook.jdbc.meta.BrookMeta;
import io.brook.server.auth.Authenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request of the server: BASIC authentication first (401, and nothing runs, when wrong),
 * the body read up to the size limit (413 beyond it), then by path: {@code POST /} Avatica,
 * {@code POST /proton/v1/ingest/streams/{stream}} and {@code /brook/v1/ingest/streams/{stream}}
 * ingest, {@code POST /brook/v1/query} queries, {@code GET /brook/v1/ping} a liveness check.
 * REST errors answer {@code {"error_msg", "code", "request_id"}}: 400 for bad input and SQL
 * errors, 404 for an unknown path, 500 for a fault of the server.
 */
final class ServerHandler extends AbstractHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ServerHandler.class);
    private static final Pattern INGEST = Pattern.compile("/(?:proton|brook)/v1/ingest/streams/([^/]+)/?");

    private final Authenticator authenticator;
    private final AvaticaEndpoint avatica;
    private final IngestEndpoint ingest;
    private final QueryEndpoint query;
    private final BrookMeta meta;
    private final ObjectMapper mapper;
    private final long maxRequestBytes;

    ServerHandler(Authenticator authenticator, AvaticaEndpoint avatica, IngestEndpoint ingest, QueryEndpoint query,
                  BrookMeta meta, ObjectMapper mapper, long maxRequestBytes) {
        this.authenticator = authenticator;
        this.avatica = avatica;
        this.ingest = ingest;
        this.query = query;
        this.meta = meta;
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        String requestId = UUID.randomUUID().toString();
        Optional<String> user = authenticator.check(request.getHeader("Authorization"));
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"brook\", charset=\"UTF-8\"");
            error(response, HttpServletResponse.SC_UNAUTHORIZED, "Wrong or missing user name and password", 0, requestId);
            return;
        }
        String path = request.getRequestURI();
        String method = request.getMethod();
        if ("GET".equals(method) && "/brook/v1/ping".equals(path)) {
            json(response, HttpServletResponse.SC_OK, Map.of("status", "ok", "user", user.get()));
            return;
        }
        if (!"POST".equals(method)) {
            error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Use POST for " + path, 0, requestId);
            return;
        }
        byte[] body = body(request);
        if (body == null) {
            error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request is larger than " + maxRequestBytes + " bytes", 0, requestId);
            return;
        }
        try {
            Matcher ingestPath = INGEST.matcher(path);
            if (path.equals("/") || path.isEmpty()) {
                AvaticaEndpoint.Reply reply = avatica.handle(body);
                response.setStatus(reply.status());
                response.setContentType(reply.contentType());
                response.getOutputStream().write(reply.body());
            } else if (ingestPath.matches()) {
                ingest.ingest(java.net.URLDecoder.decode(ingestPath.group(1), java.nio.charset.StandardCharsets.UTF_8), body);
                json(response, HttpServletResponse.SC_OK, Map.of("request_id", requestId));
            } else if (path.equals("/brook/v1/query")) {
                query.run(query.sql(body, request.getContentType()), requestId, response);
            } else if (path.equals("/brook/v1/cancel")) {
                cancel(body);
                json(response, HttpServletResponse.SC_OK, Map.of("request_id", requestId));
            } else {
                error(response, HttpServletResponse.SC_NOT_FOUND, "No such endpoint: " + path, 0, requestId);
            }
        } catch (BrookException e) {
            if (!response.isCommitted()) {
                error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), e.code().number(), requestId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Request {} to {} failed", requestId, path, e);
            if (!response.isCommitted()) {
                error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Server error: " + e, 0, requestId);
            }
        }
    }

    /** {@code {"connection_id": "...", "statement_id": n}}: cancels that statement's execution or query (code 394). */
    private void cancel(byte[] body) throws IOException {
        com.fasterxml.jackson.databind.JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BrookException(io.brook.engine.error.ErrorCode.BAD_ARGUMENTS, "Invalid JSON body: " + e.getOriginalMessage());
        }
        if (request == null || !request.path("connection_id").isTextual() || !request.path("statement_id").canConvertToInt()) {
            throw new BrookException(io.brook.engine.error.ErrorCode.BAD_ARGUMENTS,
                    "The body must be {\"connection_id\": \"...\", \"statement_id\": <number>}");
        }
        meta.cancel(new org.apache.calcite.avatica.Meta.StatementHandle(request.get("connection_id").textValue(),
                request.get("statement_id").intValue(), null));
    }

    /** The body, or null when it is larger than the limit. */
    private byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxRequestBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxRequestBytes + 1));
            return body.length > maxRequestBytes ? null : body;
        }
    }

    private void error(HttpServletResponse response, int status, String message, int code, String requestId)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_msg", message);
        body.put("code", code);
        body.put("request_id", requestId);
        json(response, status, body);
    }

    private void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(mapper.writeValueAsBytes(body));
    }
}
