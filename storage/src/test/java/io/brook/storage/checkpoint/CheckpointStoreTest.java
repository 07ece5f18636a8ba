package io.brook.storage.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void writeReadReplaceAndDelete() {
        CheckpointStore store = CheckpointStore.open(dir.resolve("checkpoints"));
        assertEquals(Optional.empty(), store.read("view_a"));
        store.write("view_a", new byte[] {1, 2, 3});
        store.write("view_b", new byte[] {9});
        store.write("view_a", new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, store.read("view_a").orElseThrow());

        CheckpointStore reopened = CheckpointStore.open(dir.resolve("checkpoints"));
        assertArrayEquals(new byte[] {4, 5}, reopened.read("view_a").orElseThrow());
        assertArrayEquals(new byte[] {9}, reopened.read("view_b").orElseThrow());

        reopened.delete("view_a");
        reopened.delete("view_a");
        assertTrue(reopened.read("view_a").isEmpty());
        assertTrue(reopened.read("view_b").isPresent());
    }

    @Test
    void laterChangesToTheCallersArrayDoNotLeakIn() {
        CheckpointStore store = CheckpointStore.open(dir);
        byte[] data = {1, 2};
        store.write("v", data);
        data[0] = 7;
        assertArrayEquals(new byte[] {1, 2}, store.read("v").orElseThrow());
    }

    @Test
    void namesCannotEscapeTheDirectory() {
        CheckpointStore store = CheckpointStore.open(dir);
        for (String name : new String[] {"", "../x", "a/b", "a\\b", ".hidden", ".."}) {
            assertThrows(IllegalArgumentException.class, () -> store.write(name, new byte[0]), name);
        }
    }
}
