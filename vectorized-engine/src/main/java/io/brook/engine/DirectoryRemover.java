package io.brook.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes an in-memory engine's temporary directory when the engine closes. */
final class DirectoryRemover {
    private DirectoryRemover() {
    }

    static void remove(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DirectoryRemover.class)
                    .warn("Could not remove {}: {}", directory, e.getMessage());
        }
    }
}
