package io.brook.tck;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden files under {@code src/test/resources/golden}, in name order. */
final class GoldenFiles {
    private GoldenFiles() {
    }

    record File(String name, String text) {
    }

    static Stream<File> all() throws IOException {
        Path folder;
        try {
            folder = Path.of(GoldenFiles.class.getResource("/golden").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Path> paths;
        try (Stream<Path> listing = Files.list(folder)) {
            // -Dbrook.golden=<part of a name> runs only the matching files, for work on one of them
            String only = System.getProperty("brook.golden", "");
            paths = listing.filter(path -> path.toString().endsWith(".sql"))
                    .filter(path -> path.getFileName().toString().contains(only)).sorted().toList();
        }
        return paths.stream().map(path -> {
            try {
                return new File(path.getFileName().toString(), Files.readString(path));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
