package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class BodyReadChannelTest {

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(7).nextBytes(bytes);
        return bytes;
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    @Test
    void copiesIntoDirectAndHeapBuffersAndChecksumsEveryByte() {
        byte[] body = randomBytes(300_001);
        Bytes<?> bytes = Bytes.allocateElasticDirect(body.length);
        try {
            bytes.write(body);
            BodyReadChannel channel = new BodyReadChannel(bytes, body.length, new byte[100]);
            ByteBuffer heap = ByteBuffer.allocate(13);
            assertEquals(13, channel.read(heap));
            // a direct buffer several copy slices long, then one read that the body cuts short
            ByteBuffer direct = ByteBuffer.allocateDirect(200_000);
            direct.position(5);
            assertEquals(199_995, channel.read(direct));
            ByteBuffer rest = ByteBuffer.allocateDirect(200_000);
            assertEquals(body.length - 13 - 199_995, channel.read(rest));
            assertEquals(-1, channel.read(ByteBuffer.allocateDirect(1)));

            byte[] read = new byte[body.length];
            System.arraycopy(heap.array(), 0, read, 0, 13);
            direct.position(5).get(read, 13, 199_995);
            rest.flip().get(read, 13 + 199_995, rest.remaining());
            assertArrayEquals(body, read);
            assertEquals(crc(body, body.length), channel.checksum());
        } finally {
            bytes.releaseLast();
        }
    }

    @Test
    void drainChecksumsWhatTheReaderLeft() {
        byte[] body = randomBytes(1_000);
        Bytes<?> bytes = Bytes.allocateElasticDirect(body.length);
        try {
            bytes.write(body);
            BodyReadChannel channel = new BodyReadChannel(bytes, body.length, new byte[64]);
            channel.read(ByteBuffer.allocateDirect(600));
            channel.drain();
            assertEquals(crc(body, body.length), channel.checksum());
            assertEquals(0, bytes.readRemaining());
        } finally {
            bytes.releaseLast();
        }
    }

    @Test
    void aBodyShorterThanItsHeaderSaysIsTruncated() {
        byte[] body = randomBytes(1_000);
        Bytes<?> bytes = Bytes.allocateElasticDirect(body.length);
        try {
            bytes.write(body);
            BodyReadChannel channel = new BodyReadChannel(bytes, 2_000, new byte[64]);
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> channel.read(ByteBuffer.allocateDirect(2_000)));
            assertEquals("Log entry is truncated: its body ends early", error.getMessage());
        } finally {
            bytes.releaseLast();
        }
    }
}
