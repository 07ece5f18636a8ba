package io.brook.engine.external.format;

import io.brook.engine.catalog.Column;

import java.util.List;
import java.util.function.Consumer;

/**
 * How a message's body maps to rows of the payload columns, both ways, for every external stream
 * type that carries rows in messages. Decoding fails with a BrookException (CANNOT_PARSE_TEXT, the reason
 * alone) when a message does not parse; the caller says where the message came from.
 */
public interface MessageFormat {

    /**
     * Hands each row of one message to {@code rows}, as one value per payload column in the form
     * {@code JavaValues.normalize} gives. The array is reused for the next row: copy what you keep.
     * Rows handed out before a failure belong to the failed message; {@link MessageChunkBuilder}
     * drops them.
     */
    void decode(byte[] message, Consumer<Object[]> rows);

    /** One row as a message body (without a row separator); values as a chunk's reader gives them. */
    byte[] encode(List<Object> row);

    /** What separates rows when several go in one message. */
    default byte[] rowSeparator() {
        return new byte[] {'\n'};
    }

    /** The format of {@code payload} columns; RawBLOB needs exactly one string column (code 471 otherwise). */
    static MessageFormat of(DataFormat format, List<Column> payload, boolean oneMessagePerRow) {
        return switch (format) {
            case RAW_BLOB -> new RawBlobFormat(payload);
            case JSON_EACH_ROW -> new JsonEachRowFormat(payload, oneMessagePerRow);
            case CSV -> new DelimitedFormat(payload, oneMessagePerRow, ',');
            case TSV -> new DelimitedFormat(payload, oneMessagePerRow, '\t');
        };
    }
}
