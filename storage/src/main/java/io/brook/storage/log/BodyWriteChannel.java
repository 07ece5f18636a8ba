package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Lets Arrow's IPC writer write straight into a Chronicle excerpt, checksumming what passes. A
 * write that does not fit the excerpt fails instead of returning 0, because Arrow's writer would
 * otherwise retry forever.
 */
final class BodyWriteChannel implements WritableByteChannel {
    static {
        ChronicleSettings.disableTelemetry();
    }

    private final Bytes<?> bytes;
    private final CRC32C checksum = new CRC32C();

    BodyWriteChannel(Bytes<?> bytes) {
        this.bytes = bytes;
    }

    @Override
    public int write(ByteBuffer source) {
        int length = source.remaining();
        if (length > bytes.writeRemaining()) {
            throw tooLarge();
        }
        checksum.update(source.duplicate());
        bytes.writeSome(source);
        if (source.hasRemaining()) {
            throw tooLarge();
        }
        return length;
    }

    int checksum() {
        return (int) checksum.getValue();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        // the excerpt belongs to the appender; nothing to release here
    }

    private IllegalArgumentException tooLarge() {
        return new IllegalArgumentException("Batch too large for one log entry (at most "
                + LogQueues.MAX_ENTRY_BYTES + " bytes encoded); append it in smaller batches");
    }
}
