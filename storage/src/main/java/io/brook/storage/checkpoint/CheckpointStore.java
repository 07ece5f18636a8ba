package io.brook.storage.checkpoint;

import io.brook.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Named blobs that must be replaced all at once, such as a materialized view's checkpoint (source
 * positions plus operator state). Each name is one file in the store's directory, replaced
 * atomically ({@link AtomicFiles}); a reader sees the previous or the new checkpoint, never a mix.
 * Thread-safe.
 */
public final class CheckpointStore {
    private static final String SUFFIX = ".checkpoint";

    private final Path directory;

    private CheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** Opens (creating if needed) the store in {@code dir}. */
    public static CheckpointStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create checkpoint directory " + dir, e);
        }
        return new CheckpointStore(dir);
    }

    /** Replaces the checkpoint {@code name} with {@code data}, durably. */
    public synchronized void write(String name, byte[] data) {
        AtomicFiles.write(fileOf(name), data.clone());
    }

    public Optional<byte[]> read(String name) {
        try {
            return Optional.of(Files.readAllBytes(fileOf(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read checkpoint " + name, e);
        }
    }

    /** Removes the checkpoint {@code name}; nothing happens if there is none. */
    public synchronized void delete(String name) {
        AtomicFiles.delete(fileOf(name));
    }

    /**
     * Names become file names, so they must not be able to leave the directory or collide with
     * the hidden temporary files of {@link AtomicFiles}.
     */
    private Path fileOf(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Invalid checkpoint name: '" + name + "'");
        }
        return directory.resolve(name + SUFFIX);
    }
}
