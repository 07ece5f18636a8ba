package io.brook.engine.expr.memory;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class MemoryTest {

    @Test
    void aShortStringHashesLikeItsWord() {
        byte[] bytes = "0123456789abcdefXYZ".getBytes(StandardCharsets.UTF_8);
        try (RootAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(bytes.length)) {
            buffer.setBytes(0, bytes);
            long address = buffer.memoryAddress();
            for (int from = 0; from < bytes.length; from++) {
                for (int length = 0; length <= Math.min(8, bytes.length - from); length++) {
                    long expected = 0;
                    for (int index = 0; index < length; index++) {
                        expected |= (bytes[from + index] & 0xFFL) << (8 * index);
                    }
                    long word = Memory.loadWord(address + from, length);
                    assertEquals(expected, word, "word of " + length + " bytes at " + from);
                    assertEquals(Memory.hashBytes(address + from, length), Memory.hashShortBytes(word, length));
                }
            }
        }
    }

    @Test
    void hashesTellLengthsAndLongKeysApart() {
        byte[] bytes = new byte[32];
        try (RootAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(bytes.length)) {
            buffer.setBytes(0, bytes);
            long address = buffer.memoryAddress();
            // all-zero strings differ only by length
            for (int length = 0; length < 31; length++) {
                assertNotEquals(Memory.hashBytes(address, length), Memory.hashBytes(address, length + 1));
            }
            buffer.setByte(20, 1);
            assertNotEquals(Memory.hashBytes(address, 24), Memory.hashBytes(address + 1, 24));
        }
    }
}
