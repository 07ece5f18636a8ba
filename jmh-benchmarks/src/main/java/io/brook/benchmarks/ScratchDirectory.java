package io.brook.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory for one benchmark's database files, removed on close. It is created under the
 * system property {@code brook.bench.dir} when set (to put the files on another disk), else
 * under {@code java.io.tmpdir}.
 */
final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    ScratchDirectory(String prefix) {
        try {
            Path parent = Path.of(System.getProperty("brook.bench.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(parent);
            this.path = Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            // deepest first, so each directory is empty when its turn comes
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
