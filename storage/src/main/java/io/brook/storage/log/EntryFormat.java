package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.openhft.chronicle.bytes.Bytes;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The layout of one log entry inside a Chronicle excerpt: a fixed header, then the rows as one
 * Arrow IPC record batch message. The schema is stored once per log, not per entry.
 *
 * <pre>
 * int  format version (1)
 * long first sn
 * int  row count
 * long min event time (ms)
 * long max event time (ms)
 * long byte offset    bytes of all earlier entries, so the log's size is a subtraction, not a scan
 * int  body length    bytes of the Arrow message
 * int  body checksum  CRC32C of the Arrow message: a torn write after power loss is reported,
 *                     not decoded into garbage
 * ...  Arrow IPC record batch message
 * </pre>
 */
final class EntryFormat {
    static {
        ChronicleSettings.disableTelemetry();
    }

    static final int VERSION = 1;
    static final int HEADER_BYTES = 48;
    private static final int BODY_LENGTH_OFFSET = 40;
    private static final int BODY_CHECKSUM_OFFSET = 44;

    private EntryFormat() {
    }

    /** Writes an entry at the write position of {@code bytes} and returns its stored header. */
    static StoredHeader write(Bytes<?> bytes, EntryHeader header, long byteOffset, ArrowRecordBatch batch) {
        long start = bytes.writePosition();
        bytes.writeInt(VERSION)
                .writeLong(header.firstSn())
                .writeInt(header.rowCount())
                .writeLong(header.minTimeMillis())
                .writeLong(header.maxTimeMillis())
                .writeLong(byteOffset)
                .writeInt(0)
                .writeInt(0);
        BodyWriteChannel body = new BodyWriteChannel(bytes);
        try {
            MessageSerializer.serialize(new WriteChannel(body), batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int bodyLength = Math.toIntExact(bytes.writePosition() - start - HEADER_BYTES);
        bytes.writeInt(start + BODY_LENGTH_OFFSET, bodyLength);
        bytes.writeInt(start + BODY_CHECKSUM_OFFSET, body.checksum());
        return new StoredHeader(header, byteOffset, bodyLength, body.checksum());
    }

    /** Reads the header at the read position, leaving {@code bytes} at the start of the body. */
    static StoredHeader readHeader(Bytes<?> bytes) {
        if (bytes.readRemaining() < HEADER_BYTES) {
            throw new IllegalStateException("Log entry is truncated: " + bytes.readRemaining() + " bytes");
        }
        int version = bytes.readInt();
        if (version != VERSION) {
            throw new IllegalStateException("Unsupported log entry format version " + version);
        }
        long firstSn = bytes.readLong();
        int rowCount = bytes.readInt();
        long minTime = bytes.readLong();
        long maxTime = bytes.readLong();
        long byteOffset = bytes.readLong();
        int bodyLength = bytes.readInt();
        int bodyChecksum = bytes.readInt();
        EntryHeader entry = new EntryHeader(firstSn, rowCount, minTime, maxTime);
        return new StoredHeader(entry, byteOffset, bodyLength, bodyChecksum);
    }

    /**
     * Decodes the body that follows a header just read, into vectors from {@code allocator}.
     *
     * @param scratch a reusable copy buffer
     */
    static VectorSchemaRoot readBody(Bytes<?> bytes, StoredHeader header, Schema schema,
                                     BufferAllocator allocator, byte[] scratch) {
        if (bytes.readRemaining() < header.bodyLength()) {
            throw new IllegalStateException("Log entry at sn " + header.firstSn() + " is truncated");
        }
        BodyReadChannel body = new BodyReadChannel(bytes, header.bodyLength(), scratch);
        ArrowRecordBatch batch;
        try {
            batch = MessageSerializer.deserializeRecordBatch(new ReadChannel(body), allocator);
        } catch (IOException | RuntimeException e) {
            // garbage may fail anywhere in Arrow's reader; the checksum tells corruption from a bug
            body.drain();
            if (body.checksum() != header.bodyChecksum()) {
                throw corrupt(header, e);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        if (batch == null) {
            throw corrupt(header, null);
        }
        try (batch) {
            body.drain();
            if (body.checksum() != header.bodyChecksum() || batch.getLength() != header.entry().rowCount()) {
                throw corrupt(header, null);
            }
            VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
            try {
                new VectorLoader(root).load(batch);
            } catch (RuntimeException e) {
                root.close();
                throw e;
            }
            return root;
        }
    }

    private static IllegalStateException corrupt(StoredHeader header, Exception cause) {
        return new IllegalStateException("Log entry at sn " + header.firstSn()
                + " is corrupt (checksum mismatch)", cause);
    }
}
