package io.brook.jdbc.convert;

import java.nio.ByteBuffer;
import java.util.UUID;

/** A uuid is stored as its 16 bytes in RFC 4122 (big-endian) order. */
public final class UuidBytes {
    private UuidBytes() {
    }

    public static UUID decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    public static byte[] encode(UUID uuid) {
        return ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }
}
