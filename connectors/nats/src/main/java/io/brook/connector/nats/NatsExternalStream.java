package io.brook.connector.nats;

import io.brook.engine.catalog.Column;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.external.format.MessageFormat;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;

import java.util.ArrayList;
import java.util.List;

/**
 * A created nats_jetstream stream: its settings, its columns, and its connection. The virtual
 * columns {@code _tp_sn} (the message's stream sequence) and {@code _nats_subject} (its subject)
 * come after the declared ones; a declared {@code _nats_subject} column is filled the same way
 * when reading and, when writing, names each row's subject.
 */
final class NatsExternalStream implements ExternalStream {
    static final String SEQUENCE_COLUMN = "_tp_sn";
    static final String SUBJECT_COLUMN = "_nats_subject";

    private final String name;
    private final NatsSettings settings;
    private final List<Column> declared;
    private final List<Column> columns;
    private final List<String> virtual;
    private final MessageFormat format;
    private final NatsLink link;

    NatsExternalStream(String name, NatsSettings settings, List<Column> declared, List<Column> payload, NatsLink link) {
        this.name = name;
        this.settings = settings;
        this.declared = List.copyOf(declared);
        this.link = link;
        this.format = MessageFormat.of(settings.dataFormat(), payload, settings.oneMessagePerRow());
        List<Column> all = new ArrayList<>(declared);
        List<String> virtualNames = new ArrayList<>();
        all.add(Column.of(SEQUENCE_COLUMN, BrookType.INT64));
        virtualNames.add(SEQUENCE_COLUMN);
        if (declared.stream().noneMatch(column -> column.name().equals(SUBJECT_COLUMN))) {
            all.add(Column.of(SUBJECT_COLUMN, BrookType.STRING));
            virtualNames.add(SUBJECT_COLUMN);
        }
        this.columns = List.copyOf(all);
        this.virtual = List.copyOf(virtualNames);
    }

    /** The stream's connection, opened on first use. */
    NatsLink link() {
        return link;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<String> virtualColumns() {
        return virtual;
    }

    @Override
    public ChunkSource openSource(QueryContext context, ReadOptions options) {
        return NatsSource.open(name, settings, link, format, columns, options, context);
    }

    @Override
    public ExternalSink openSink(QueryContext context) {
        return new NatsSink(settings, link, format, declared.stream().map(Column::name).toList().indexOf(SUBJECT_COLUMN));
    }

    /** Whether a column is filled from the message rather than its payload. */
    static boolean isMetadata(String column) {
        return column.equals(SEQUENCE_COLUMN) || column.equals(SUBJECT_COLUMN);
    }

    @Override
    public void close() {
        link.close();
    }
}
