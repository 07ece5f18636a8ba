package io.brook.engine.external.format;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.operator.ChunkBuilder;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Builds a source's chunks from messages: the payload columns from each message's body through a
 * {@link MessageFormat}, the metadata columns ({@code _tp_sn}, a key, a subject...) from the
 * message itself, taken once per message and repeated on each of its rows. Values go straight
 * into the vectors. A metadata column the query does not read ({@link ReadOptions#reads}) is not
 * asked for and stays NULL. A message that fails to decode adds no rows.
 */
public final class MessageChunkBuilder implements AutoCloseable {

    /** One message's metadata: the value of a metadata column, in any form the column's type accepts. */
    @FunctionalInterface
    public interface Metadata {
        Object value(String column);
    }

    private final MessageFormat format;
    private final ChunkBuilder builder;
    /** Per payload column (in the format's order): its index among the chunk's columns. */
    private final int[] payloadColumns;
    /** The metadata columns the query reads: index among the chunk's columns, name and type. */
    private final int[] metadataColumns;
    private final String[] metadataNames;
    private final BrookType[] metadataTypes;
    /** The current message's metadata values, normalised, one per read metadata column. */
    private final Object[] metadataValues;
    private final Consumer<Object[]> addRow = this::addRow;

    /**
     * {@code columns} are all the chunk's columns in order; those {@code isMetadata} accepts come from
     * each message's metadata, the others, in their order, are the payload {@code format} decodes.
     */
    public MessageChunkBuilder(List<Column> columns, Predicate<String> isMetadata, MessageFormat format,
                               ReadOptions options, BufferAllocator allocator) {
        this.format = format;
        List<Integer> payload = new ArrayList<>();
        List<Integer> metadata = new ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            String name = columns.get(column).name();
            if (!isMetadata.test(name)) {
                payload.add(column);
            } else if (options.reads(name)) {
                metadata.add(column);
            }
        }
        this.payloadColumns = payload.stream().mapToInt(Integer::intValue).toArray();
        this.metadataColumns = metadata.stream().mapToInt(Integer::intValue).toArray();
        this.metadataNames = metadata.stream().map(column -> columns.get(column).name()).toArray(String[]::new);
        this.metadataTypes = metadata.stream().map(column -> columns.get(column).type()).toArray(BrookType[]::new);
        this.metadataValues = new Object[metadataColumns.length];
        this.builder = new ChunkBuilder(columns.stream().map(Column::name).toList(),
                columns.stream().map(Column::type).toList(), allocator);
    }

    /**
     * Adds the rows of one message. When its body does not parse, the format's BrookException
     * propagates and the rows added so far stay as they were.
     */
    public void add(byte[] body, Metadata metadata) {
        for (int column = 0; column < metadataColumns.length; column++) {
            metadataValues[column] = JavaValues.normalize(metadata.value(metadataNames[column]), metadataTypes[column]);
        }
        int before = builder.rowCount();
        try {
            format.decode(body, addRow);
        } catch (RuntimeException e) {
            builder.truncate(before);
            throw e;
        }
    }

    private void addRow(Object[] payload) {
        for (int column = 0; column < payloadColumns.length; column++) {
            builder.setNormalized(payloadColumns[column], payload[column]);
        }
        for (int column = 0; column < metadataColumns.length; column++) {
            builder.setNormalized(metadataColumns[column], metadataValues[column]);
        }
        builder.endRow();
    }

    public int rowCount() {
        return builder.rowCount();
    }

    /** The rows added so far as a chunk; the builder starts over empty. */
    public Chunk build() {
        return builder.build();
    }

    @Override
    public void close() {
        builder.close();
    }
}
