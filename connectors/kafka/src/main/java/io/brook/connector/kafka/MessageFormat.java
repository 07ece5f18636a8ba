package io.brook.connector.kafka;

import io.brook.engine.catalog.Column;

import java.util.List;

/**
 * How a message's value maps to rows of the payload columns, both ways. Decoding fails with a
 * BrookException (or any runtime exception) when a message does not parse; the source adds the
 * partition and offset.
 */
interface MessageFormat {

    /** Appends the rows of one message, each a list with one value per payload column. */
    void decode(byte[] message, List<List<Object>> rows);

    /** One row as text (without a row separator). */
    byte[] encode(List<Object> row);

    /** What separates rows when several go in one message. */
    default byte[] rowSeparator() {
        return new byte[] {'\n'};
    }

    static MessageFormat of(DataFormat format, List<Column> payload, boolean oneMessagePerRow) {
        return switch (format) {
            case RAW_BLOB -> new RawBlobFormat(payload);
            case JSON_EACH_ROW -> new JsonEachRowFormat(payload, oneMessagePerRow);
            case CSV -> new DelimitedFormat(payload, oneMessagePerRow, ',');
            case TSV -> new DelimitedFormat(payload, oneMessagePerRow, '\t');
        };
    }
}
