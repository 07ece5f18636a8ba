package io.brook.tck;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden files of a class path folder, in name order. */
public final class GoldenFiles {
    private GoldenFiles() {
    }

    /** A golden file: its name (e.g. {@code 03_select.sql}) and its text. */
    public record File(String name, String text) {
    }

    /** This module's golden files, under {@code src/test/resources/golden}, as {@link #in} picks them. */
    static Stream<File> all() throws IOException {
        return in("/golden");
    }

    /** Every one of this module's golden files, whatever {@code brook.golden} picks. */
    static Stream<File> every() throws IOException {
        return read("/golden", "");
    }

    /**
     * The {@code .sql} files of the class path folder {@code folder} (e.g. {@code /golden}), which
     * must be a directory holding at least one, not inside a jar; {@code -Dbrook.golden=<part of
     * a name>} keeps only the files whose names contain it, for work on one of them.
     */
    public static Stream<File> in(String folder) throws IOException {
        return read(folder, System.getProperty("brook.golden", ""));
    }

    /** The {@code .sql} files of {@code folder} whose names contain {@code only}. */
    private static Stream<File> read(String folder, String only) throws IOException {
        URL url = GoldenFiles.class.getResource(folder);
        if (url == null) {
            throw new IOException("no golden folder " + folder + " on the class path");
        }
        Path directory;
        try {
            directory = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.toString().endsWith(".sql")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .sql files in the golden folder " + folder);
        }
        List<Path> paths = files.stream().filter(path -> path.getFileName().toString().contains(only)).toList();
        return paths.stream().map(path -> {
            try {
                return new File(path.getFileName().toString(), Files.readString(path));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
