package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Feeds an entry's encoded rows from a Chronicle excerpt to Arrow's IPC reader, checksumming what
 * passes. Copies go through a scratch array because Chronicle's {@code read(ByteBuffer)} copies
 * byte by byte, while its array read is a bulk copy.
 */
final class BodyReadChannel implements ReadableByteChannel {
    static {
        ChronicleSettings.disableTelemetry();
    }

    private final Bytes<?> bytes;
    private final byte[] scratch;
    private final CRC32C checksum = new CRC32C();
    private long remaining;

    BodyReadChannel(Bytes<?> bytes, long length, byte[] scratch) {
        this.bytes = bytes;
        this.remaining = length;
        this.scratch = scratch;
    }

    @Override
    public int read(ByteBuffer destination) {
        if (remaining == 0) {
            return -1;
        }
        int total = 0;
        while (destination.hasRemaining() && remaining > 0) {
            int chunk = (int) Math.min(Math.min(destination.remaining(), remaining), scratch.length);
            readChunk(chunk);
            destination.put(scratch, 0, chunk);
            remaining -= chunk;
            total += chunk;
        }
        return total;
    }

    /** Reads whatever the IPC reader left (alignment padding) so the checksum covers the whole body. */
    void drain() {
        while (remaining > 0) {
            int chunk = (int) Math.min(remaining, scratch.length);
            readChunk(chunk);
            remaining -= chunk;
        }
    }

    private void readChunk(int chunk) {
        int read = bytes.read(scratch, 0, chunk);
        if (read != chunk) {
            throw new IllegalStateException("Log entry is truncated: its body ends early");
        }
        checksum.update(scratch, 0, chunk);
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
        // the excerpt belongs to the tailer; nothing to release here
    }
}
