package io.brook.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brook.engine.Engine;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.JsonForms;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /brook/v1/query}: one SQL statement, as {@code {"query": "..."}} or as the plain
 * body. A bounded query answers {@code {"columns": [{"name", "type"}], "data": [[...]],
 * "request_id"}}; a streaming one answers {@code text/event-stream}: an event {@code columns},
 * then one {@code data:} event per row as it is produced, a comment every two quiet seconds so a
 * client that went away is noticed (its query is then cancelled), {@code event: error} if the
 * query fails and {@code event: end} when it ends. Other statements answer {@code {"rows":
 * <count>, "request_id"}}.
 */
final class QueryEndpoint {
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private final Engine engine;
    private final ObjectMapper mapper;

    QueryEndpoint(Engine engine, ObjectMapper mapper) {
        this.engine = engine;
        this.mapper = mapper;
    }

    /** The SQL of a request body; code 36 when there is none. */
    String sql(byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            try {
                JsonNode query = mapper.readTree(text).get("query");
                if (query == null || !query.isTextual()) {
                    throw new BrookException(ErrorCode.BAD_ARGUMENTS, "The body must be {\"query\": \"<SQL>\"} or the SQL itself");
                }
                text = query.textValue();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Invalid JSON body: " + e.getOriginalMessage());
            }
        }
        if (text.isBlank()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "No query in the request");
        }
        return text;
    }

    /** Runs the statement and writes the whole answer; errors before the first byte are thrown. */
    void run(String sql, String requestId, HttpServletResponse response) throws IOException {
        try (Session session = engine.openSession(Map.of())) {
            StatementResult result = session.execute(sql);
            if (result instanceof StatementResult.Update update) {
                reply(response, Map.of("rows", update.count(), "request_id", requestId));
                return;
            }
            try (QueryResult query = (QueryResult) result) {
                if (query.isStreaming()) {
                    stream(query, response);
                } else {
                    List<List<Object>> rows = new ArrayList<>();
                    while (!query.isFinished()) {
                        Chunk chunk = query.next(TimeUnit.MILLISECONDS.toNanos(500));
                        if (chunk != null) {
                            try (chunk) {
                                rows.addAll(rows(chunk));
                            }
                        }
                    }
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("columns", columns(query.columns()));
                    answer.put("data", rows);
                    answer.put("request_id", requestId);
                    reply(response, answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrookException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
    }

    private void stream(QueryResult query, HttpServletResponse response) throws IOException, InterruptedException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        OutputStream out = response.getOutputStream();
        event(out, "columns", mapper.writeValueAsString(columns(query.columns())));
        long lastWrite = System.nanoTime();
        try {
            while (!query.isFinished()) {
                Chunk chunk = query.next(TimeUnit.MILLISECONDS.toNanos(200));
                if (chunk != null) {
                    try (chunk) {
                        StringBuilder text = new StringBuilder();
                        for (List<Object> row : rows(chunk)) {
                            text.append("data: ").append(mapper.writeValueAsString(row)).append("\n\n");
                        }
                        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    lastWrite = System.nanoTime();
                } else if (System.nanoTime() - lastWrite >= KEEP_ALIVE_NANOS) {
                    // a write to a client that went away fails here, which ends (and cancels) the query
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    lastWrite = System.nanoTime();
                }
            }
            event(out, "end", "{}");
        } catch (BrookException e) {
            event(out, "error", mapper.writeValueAsString(Map.of("error_msg", e.getMessage(), "code", e.code().number())));
        }
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void reply(HttpServletResponse response, Object body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(mapper.writeValueAsBytes(body));
    }

    private static List<Map<String, String>> columns(List<Column> columns) {
        List<Map<String, String>> described = new ArrayList<>();
        for (Column column : columns) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("name", column.name());
            entry.put("type", column.type().toString());
            described.add(entry);
        }
        return described;
    }

    private static List<List<Object>> rows(Chunk chunk) {
        return JsonForms.rows(chunk, 0, chunk.size());
    }
}
