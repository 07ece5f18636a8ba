package io.brook.connector.timeplus;

import com.fasterxml.jackson.databind.JsonNode;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a timeplus stream: the declared ones, or, when the DDL lists none, the remote
 * stream's (its {@code DESCRIBE} on the first host), followed by {@code _tp_time}, the remote
 * rows' own time, so {@code SELECT *} copies it and a WHERE on it can start a read early.
 */
final class RemoteSchema {
    private RemoteSchema() {
    }

    static List<Column> columns(List<Column> declared, TimeplusSettings settings, RemoteBrook remote) {
        List<Column> columns = new ArrayList<>(declared.isEmpty() ? described(settings, remote) : declared);
        columns.add(Column.of(StreamSchema.TIME_COLUMN, BrookType.TP_TIME));
        return columns;
    }

    private static List<Column> described(TimeplusSettings settings, RemoteBrook remote) {
        RemoteHost host = settings.hosts().getFirst();
        JsonNode answer = remote.query(host, settings, RemoteSql.describe(settings), RemoteBrook.REQUEST_TIMEOUT);
        List<Column> columns = new ArrayList<>();
        for (JsonNode row : answer.path("data")) {
            String name = row.path(0).asText();
            if (!StreamSchema.RESERVED.contains(name)) {
                columns.add(Column.of(name, TypeParser.parse(row.path(1).asText())));
            }
        }
        if (columns.isEmpty()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Brook server " + host + " describes no columns for "
                    + RemoteSql.table(settings) + ": declare them in CREATE EXTERNAL STREAM");
        }
        return columns;
    }
}
