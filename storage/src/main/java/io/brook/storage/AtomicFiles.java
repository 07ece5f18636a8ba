package io.brook.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces small files so that a crash or power loss leaves either the old or the new content,
 * never a mix: write a temporary file beside the target, force it to disk, rename it over the
 * target, then force the directory so the rename itself is durable.
 *
 * <p>The temporary file has a fixed name ({@code .<name>.tmp}), so callers serialize writes to one
 * target; a temporary file left by a crash is simply overwritten by the next write.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Durably replaces {@code target} with {@code data}, creating its directory if needed. */
    public static void write(Path target, byte[] data) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = temporaryFileFor(target);
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** Deletes {@code file} and makes the removal durable; returns whether it existed. */
    public static boolean delete(Path file) {
        try {
            boolean existed = Files.deleteIfExists(file);
            if (existed) {
                forceDirectory(file.toAbsolutePath().getParent());
            }
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    /** The name a write to {@code target} uses for its temporary file. */
    public static Path temporaryFileFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /**
     * Forces a directory's entries to disk. Some platforms (Windows) cannot open a directory as a
     * channel; there a rename is already durable enough, so the failure is ignored.
     */
    public static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // see the method comment: not supported for directories on every platform
        }
    }
}
