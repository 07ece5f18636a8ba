package io.brook.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub").resolve("state.json");
        AtomicFiles.write(target, "first, longer content".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertTrue(files.allMatch(target::equals));
        }
    }

    @Test
    void aTemporaryFileLeftByACrashIsOverwritten() throws IOException {
        Path target = dir.resolve("state");
        Files.writeString(AtomicFiles.temporaryFileFor(target), "garbage from a crash");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertFalse(Files.exists(AtomicFiles.temporaryFileFor(target)));
    }

    @Test
    void deleteReportsWhetherTheFileExisted() {
        Path target = dir.resolve("state");
        AtomicFiles.write(target, new byte[] {1});
        assertTrue(AtomicFiles.delete(target));
        assertFalse(AtomicFiles.delete(target));
    }
}
