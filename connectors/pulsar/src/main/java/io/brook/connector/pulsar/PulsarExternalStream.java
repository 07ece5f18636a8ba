package io.brook.connector.pulsar;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A created pulsar stream. Its columns: the declared ones (a single {@code raw string} when none
 * are declared), then the virtual {@code _tp_message_key} (string) and {@code _tp_sn} (int64)
 * unless declared. Declared {@code _tp_message_key} and {@code _tp_sn} columns are filled from
 * the message too, and a written {@code _tp_message_key} becomes the message key; every other
 * column is a data column, carried in the message body.
 */
final class PulsarExternalStream implements ExternalStream {
    static final String KEY_COLUMN = "_tp_message_key";
    static final String SN_COLUMN = "_tp_sn";

    private final String name;
    private final PulsarSettings settings;
    private final List<Column> columns;
    private final List<String> virtualColumns;
    private final MessageFormat format;
    private final Supplier<PulsarClients> clients;

    PulsarExternalStream(String name, PulsarSettings settings, List<Column> declared, Supplier<PulsarClients> clients) {
        this.name = name;
        this.settings = settings;
        this.clients = clients;
        List<Column> all = new ArrayList<>(declared.isEmpty() ? List.of(Column.of("raw", BrookType.STRING)) : declared);
        List<String> virtual = new ArrayList<>();
        for (Column column : List.of(Column.of(KEY_COLUMN, BrookType.STRING), Column.of(SN_COLUMN, BrookType.INT64))) {
            if (all.stream().noneMatch(c -> c.name().equals(column.name()))) {
                all.add(column);
                virtual.add(column.name());
            }
        }
        this.columns = List.copyOf(all);
        this.virtualColumns = List.copyOf(virtual);
        this.format = MessageFormat.of(settings, all.stream().filter(c -> isData(c.name())).toList());
    }

    static boolean isData(String column) {
        return !column.equals(KEY_COLUMN) && !column.equals(SN_COLUMN);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<String> virtualColumns() {
        return virtualColumns;
    }

    @Override
    public ChunkSource openSource(QueryContext context, ReadOptions options) {
        PulsarSettings.SeekTo start = options.seekTo() == null ? settings.seekTo() : PulsarSettings.seekTo(options.seekTo());
        if (options.bounded()) {
            start = PulsarSettings.SeekTo.EARLIEST;
        }
        return PulsarSource.open(name, settings, clients.get().client(settings), columns, format, start,
                options.resumeFrom(), options.bounded(), context);
    }

    @Override
    public ExternalSink openSink(QueryContext context) {
        List<Column> written = columns.stream().filter(c -> !virtualColumns.contains(c.name())).toList();
        return PulsarSink.open(settings, clients.get().client(settings), written, format);
    }

    /** The one data column of a RawBLOB stream must hold text. */
    static void checkRawColumn(List<Column> data) {
        if (data.size() != 1 || (data.getFirst().type().kind() != TypeKind.STRING
                && data.getFirst().type().kind() != TypeKind.FIXED_STRING)) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "data_format='RawBLOB' of a pulsar external stream"
                    + " needs exactly one column of type string besides _tp_message_key and _tp_sn");
        }
    }
}
