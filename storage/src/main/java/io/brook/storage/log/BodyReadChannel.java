package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Feeds an entry's encoded rows from a Chronicle excerpt to Arrow's IPC reader, checksumming what
 * passes. Arrow reads the rows into direct buffers of its own memory: those bytes are copied
 * once, from the mapped file straight into that memory, and CRC32C runs over the copy slice by
 * slice, while the slice is still in the cache. The few small reads into heap buffers (the
 * message's length and metadata) copy into the buffer's array.
 */
final class BodyReadChannel implements ReadableByteChannel {
    static {
        ChronicleSettings.disableTelemetry();
    }

    /** Copy and checksum this much at a time, so the checksum reads what the copy left in the cache. */
    private static final int SLICE_BYTES = 64 * 1024;

    private final Bytes<?> bytes;
    private final byte[] scratch;
    private final CRC32C checksum = new CRC32C();
    private long remaining;

    /**
     * @param scratch a reusable array for the bytes the IPC reader leaves unread (padding)
     */
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
        int length = (int) Math.min(destination.remaining(), remaining);
        if (destination.isDirect()) {
            readDirect(destination, length);
        } else if (destination.hasArray()) {
            int start = destination.arrayOffset() + destination.position();
            readInto(destination.array(), start, length);
            destination.position(destination.position() + length);
        } else {
            // a read-only heap buffer; Arrow's reader does not pass one, but stay correct
            for (int done = 0; done < length; ) {
                int slice = Math.min(scratch.length, length - done);
                readInto(scratch, 0, slice);
                destination.put(scratch, 0, slice);
                done += slice;
            }
        }
        remaining -= length;
        return length;
    }

    private void readDirect(ByteBuffer destination, int length) {
        int start = destination.position();
        long target = MemoryUtil.getByteBufferAddress(destination) + start;
        ByteBuffer view = destination.duplicate();
        for (int done = 0; done < length; ) {
            int slice = Math.min(SLICE_BYTES, length - done);
            requireAvailable(slice);
            bytes.nativeRead(bytes.readPosition(), target + done, slice);
            bytes.readSkip(slice);
            checksum.update(view.limit(start + done + slice).position(start + done));
            done += slice;
        }
        destination.position(start + length);
    }

    /** Reads whatever the IPC reader left (alignment padding) so the checksum covers the whole body. */
    void drain() {
        while (remaining > 0) {
            int chunk = (int) Math.min(remaining, scratch.length);
            readInto(scratch, 0, chunk);
            remaining -= chunk;
        }
    }

    private void readInto(byte[] target, int offset, int length) {
        requireAvailable(length);
        int read = bytes.read(target, offset, length);
        if (read != length) {
            throw truncated();
        }
        checksum.update(target, offset, length);
    }

    private void requireAvailable(long length) {
        if (bytes.readRemaining() < length) {
            throw truncated();
        }
    }

    private static IllegalStateException truncated() {
        return new IllegalStateException("Log entry is truncated: its body ends early");
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
