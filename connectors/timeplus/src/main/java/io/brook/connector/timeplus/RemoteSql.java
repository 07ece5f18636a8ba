package io.brook.connector.timeplus;

import io.brook.engine.catalog.Column;
import io.brook.engine.external.ReadOptions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL a timeplus stream sends to each remote server. A read selects the stream's columns by
 * name. Bounded ({@code table(r)}): {@code FROM table(db.stream)}. Streaming: where the query
 * said to start: {@code seek_to} as given, a lower bound on {@code _tp_time} from its WHERE as
 * {@code WHERE _tp_time >= CAST('<bound>' AS datetime64(3, 'UTC'))} (an epoch bound as {@code seek_to='earliest'}), else the
 * remote's default (new rows only). The rest of the WHERE runs locally.
 */
final class RemoteSql {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private RemoteSql() {
    }

    static String describe(TimeplusSettings settings) {
        return "DESCRIBE " + table(settings);
    }

    static String read(TimeplusSettings settings, List<Column> columns, ReadOptions options) {
        String names = columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT ").append(names).append(" FROM ");
        sql.append(options.bounded() ? "table(" + table(settings) + ")" : table(settings));
        long bound = options.timeLowerBoundMillis().orElse(Long.MIN_VALUE);
        String seekTo = options.seekTo();
        if (!options.bounded() && seekTo == null && options.timeLowerBoundMillis().isPresent() && bound <= 0) {
            seekTo = "earliest";
        } else if (bound > 0 && (options.bounded() || seekTo == null)) {
            // typed, so the remote sees a constant time and starts its read there
            sql.append(" WHERE _tp_time >= CAST('").append(TIME.format(Instant.ofEpochMilli(bound)))
                    .append("' AS datetime64(3, 'UTC'))");
        }
        if (!options.bounded() && seekTo != null) {
            sql.append(" SETTINGS seek_to=").append(literal(seekTo));
        }
        return sql.toString();
    }

    static String table(TimeplusSettings settings) {
        return quote(settings.database()) + "." + quote(settings.stream());
    }

    static String quote(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "``") + "`";
    }

    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
