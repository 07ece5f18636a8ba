package io.brook.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brook.engine.Engine;
import io.brook.engine.ExecuteOptions;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /proton/v1/ingest/streams/{stream}} (also under {@code /brook/v1/}): rows into a
 * stream, in Timeplus's columnar form {@code {"columns": [...], "data": [[...], ...]}} or as
 * newline-delimited JSON objects, one row each, naming the columns they give (the others get
 * their DEFAULT). The rows of a columnar request are one INSERT: all are written or none.
 * Newline-delimited rows are parsed whole first, then written as one INSERT per run of lines
 * naming the same columns; a run that fails stops the request, and the runs before it stay.
 */
final class IngestEndpoint {
    private final Engine engine;
    private final ObjectMapper mapper;

    IngestEndpoint(Engine engine, ObjectMapper mapper) {
        this.engine = engine;
        this.mapper = mapper;
    }

    /** The rows of a request: column names and one list of values per row. */
    record Rows(List<String> columns, List<List<Object>> values) {
    }

    /** Writes the rows; returns how many. Bad bodies fail with code 36, SQL errors with theirs. */
    long ingest(String stream, byte[] body) {
        long written = 0;
        List<Rows> batches = parse(body);
        try (Session session = engine.openSession(Map.of())) {
            for (Rows rows : batches) {
                written += insert(session, stream, rows);
            }
        }
        return written;
    }

    private static long insert(Session session, String stream, Rows rows) {
        if (rows.values().isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(stream)).append(" (");
        StringBuilder markers = new StringBuilder();
        for (int index = 0; index < rows.columns().size(); index++) {
            sql.append(index == 0 ? "" : ", ").append(quote(rows.columns().get(index)));
            markers.append(index == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(markers).append(')');
        session.executeBatch(sql.toString(), rows.values(), ExecuteOptions.NONE);
        return rows.values().size();
    }

    List<Rows> parse(byte[] body) {
        try (MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(body)) {
            if (!values.hasNext()) {
                throw bad("The body holds no rows");
            }
            JsonNode first = values.next();
            if (first.isObject() && first.has("data")) {
                if (values.hasNext()) {
                    throw bad("After {\"columns\": ..., \"data\": ...} the body must end");
                }
                return List.of(columnar(first));
            }
            List<JsonNode> objects = new ArrayList<>();
            objects.add(first);
            values.forEachRemaining(objects::add);
            return lines(objects);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BrookException brook) {
                throw brook;
            }
            throw bad("Invalid JSON body: " + firstLine(e.getMessage()));
        }
    }

    private static Rows columnar(JsonNode root) {
        JsonNode columns = root.get("columns");
        JsonNode data = root.get("data");
        if (columns == null || !columns.isArray() || columns.isEmpty()) {
            throw bad("\"columns\" must be a non-empty array of column names");
        }
        if (!data.isArray()) {
            throw bad("\"data\" must be an array of rows");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode column : columns) {
            if (!column.isTextual()) {
                throw bad("\"columns\" must hold column names, not " + column);
            }
            names.add(column.textValue());
        }
        List<List<Object>> rows = new ArrayList<>(data.size());
        int number = 0;
        for (JsonNode row : data) {
            number++;
            if (!row.isArray() || row.size() != names.size()) {
                throw bad("Row " + number + " of \"data\" must be an array of " + names.size() + " values");
            }
            List<Object> values = new ArrayList<>(names.size());
            row.forEach(value -> values.add(JsonValues.fromJson(value)));
            rows.add(values);
        }
        return new Rows(names, rows);
    }

    /** One batch per run of lines that name the same columns, in order. */
    private static List<Rows> lines(List<JsonNode> objects) {
        List<Rows> batches = new ArrayList<>();
        List<String> columns = null;
        List<List<Object>> rows = null;
        int number = 0;
        for (JsonNode object : objects) {
            number++;
            if (!object.isObject() || object.isEmpty()) {
                throw bad("Line " + number + " must be a JSON object of column values");
            }
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (!names.equals(columns)) {
                columns = names;
                rows = new ArrayList<>();
                batches.add(new Rows(columns, rows));
            }
            List<Object> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                values.add(JsonValues.fromJson(object.get(column)));
            }
            rows.add(values);
        }
        return batches;
    }

    static String quote(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "``") + "`";
    }

    private static BrookException bad(String message) {
        return new BrookException(ErrorCode.BAD_ARGUMENTS, message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
