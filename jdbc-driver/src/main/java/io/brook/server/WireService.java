package io.brook.server;

import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.LocalService;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Avatica's {@link LocalService} over Brook's Meta, with frames put in the forms Avatica's wire
 * formats carry: in-process frames hold {@code java.time} values, UUIDs, maps and arrays as
 * Brook's driver reads them, which Avatica's serialization does not take. Datetimes travel as
 * Avatica's local timestamps (milliseconds since the epoch, column representation LONG), dates as
 * days since the epoch (INTEGER), UUIDs and maps as their text, arrays and tuples as lists (a
 * tuple column as an object column).
 */
final class WireService extends LocalService {

    WireService(Meta meta) {
        super(meta);
    }

    @Override
    public ResultSetResponse toResponse(Meta.MetaResultSet resultSet) {
        if (resultSet.firstFrame == null) {
            return super.toResponse(resultSet);
        }
        return super.toResponse(Meta.MetaResultSet.create(resultSet.connectionId, resultSet.statementId,
                resultSet.ownStatement, wire(resultSet.signature), wire(resultSet.firstFrame), resultSet.updateCount));
    }

    /** The signature with datetime and date columns represented as Avatica carries them. */
    private static Meta.Signature wire(Meta.Signature signature) {
        if (signature == null) {
            return null;
        }
        List<ColumnMetaData> columns = new ArrayList<>(signature.columns.size());
        for (ColumnMetaData column : signature.columns) {
            if (column.type.id == java.sql.Types.STRUCT) {
                // Avatica's client reads a STRUCT only as a record of named fields: a tuple goes as an object
                columns.add(new ColumnMetaData(column.ordinal, column.autoIncrement, column.caseSensitive,
                        column.searchable, column.currency, column.nullable, column.signed, column.displaySize,
                        column.label, column.columnName, column.schemaName, column.precision, column.scale,
                        column.tableName, column.catalogName,
                        ColumnMetaData.scalar(java.sql.Types.JAVA_OBJECT, column.type.name, ColumnMetaData.Rep.OBJECT),
                        column.readOnly, column.writable, column.definitelyWritable, column.columnClassName));
                continue;
            }
            columns.add(switch (column.type.rep) {
                case JAVA_SQL_TIMESTAMP, JAVA_UTIL_DATE -> column.setRep(ColumnMetaData.Rep.LONG);
                case JAVA_SQL_DATE, JAVA_SQL_TIME -> column.setRep(ColumnMetaData.Rep.INTEGER);
                default -> column;
            });
        }
        return new Meta.Signature(columns, signature.sql, signature.parameters, signature.internalParameters,
                signature.cursorFactory, signature.statementType);
    }

    @Override
    public FetchResponse apply(FetchRequest request) {
        FetchResponse response = super.apply(request);
        if (response.frame == null) {
            return response;
        }
        return new FetchResponse(wire(response.frame), response.missingStatement, response.missingResults,
                response.rpcMetadata);
    }

    private static Meta.Frame wire(Meta.Frame frame) {
        List<Object> rows = new ArrayList<>();
        for (Object row : frame.rows) {
            rows.add(value(row));
        }
        return new Meta.Frame(frame.offset, frame.done, rows);
    }

    /** A map as Brook's driver prints one: {@code {k:1,l:2}}, lists inside as {@code [a,b]}. */
    private static String text(Object value) {
        return switch (value) {
            case null -> "NULL";
            case Map<?, ?> map -> {
                StringBuilder text = new StringBuilder("{");
                map.forEach((key, item) -> text.append(text.length() > 1 ? "," : "").append(text(key)).append(':')
                        .append(text(item)));
                yield text.append('}').toString();
            }
            case List<?> items -> {
                StringBuilder text = new StringBuilder("[");
                items.forEach(item -> text.append(text.length() > 1 ? "," : "").append(text(item)));
                yield text.append(']').toString();
            }
            case Object[] items -> text(java.util.Arrays.asList(items));
            default -> value.toString();
        };
    }

    static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case Object[] items -> {
                List<Object> list = new ArrayList<>(items.length);
                for (Object item : items) {
                    list.add(value(item));
                }
                yield list;
            }
            case List<?> items -> items.stream().map(WireService::value).toList();
            case Instant instant -> instant.toEpochMilli();
            case LocalDateTime local -> local.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            case Timestamp timestamp -> timestamp.getTime();
            case LocalDate date -> (int) date.toEpochDay();
            case Date date -> (int) date.toLocalDate().toEpochDay();
            case java.util.UUID uuid -> uuid.toString();
            case Map<?, ?> map -> text(map);
            case java.sql.Array array -> {
                try {
                    yield value((Object[]) array.getArray());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("Cannot read an array value: " + e.getMessage(), e);
                }
            }
            default -> value;
        };
    }
}
