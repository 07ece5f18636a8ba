package io.brook.storage.log;

import io.brook.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The files of one stream log, held exclusively while the log is open:
 * <pre>
 * schema.arrow      the Arrow schema as an IPC schema message, written once at creation
 * retention.floor   the oldest kept entry ({@link RetentionFloor})
 * log.lock          locked while a process has the log open, so two never write it at once
 * queue/            the Chronicle queue: one *.cq4 file per cycle and Chronicle's metadata
 * </pre>
 * The schema file doubles as the marker that a directory holds a log: it is written (atomically)
 * before the queue exists.
 */
final class LogDirectory implements AutoCloseable {
    private static final String LOCK_FILE = "log.lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LogDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and takes its lock; fails if the log is open elsewhere. */
    static LogDirectory lock(Path root) {
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw alreadyOpen(root, null);
            }
            return new LogDirectory(root, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw alreadyOpen(root, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock stream log " + root, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path root() {
        return root;
    }

    Path queueDirectory() {
        return root.resolve("queue");
    }

    Path floorFile() {
        return root.resolve("retention.floor");
    }

    private Path schemaFile() {
        return root.resolve("schema.arrow");
    }

    boolean holdsLog() {
        return Files.exists(schemaFile());
    }

    void writeSchema(Schema schema) {
        AtomicFiles.write(schemaFile(), schema.serializeAsMessage());
    }

    Schema readSchema() {
        try {
            return Schema.deserializeMessage(ByteBuffer.wrap(Files.readAllBytes(schemaFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + schemaFile(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Schema file " + schemaFile() + " is corrupt", e);
        }
    }

    /**
     * Deletes the log's files, then the directory if nothing else is in it; files that are not
     * the log's are left alone, in case the directory was given by mistake. The caller holds the
     * lock.
     */
    void deleteAll() {
        try {
            deleteTree(queueDirectory());
            for (Path file : List.of(schemaFile(), floorFile())) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(AtomicFiles.temporaryFileFor(file));
            }
            Files.deleteIfExists(root.resolve(LOCK_FILE));
            Files.delete(root);
        } catch (DirectoryNotEmptyException e) {
            // something besides the log lives here: keep it
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete stream log " + root, e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock as well
        }
        closeQuietly(lockChannel);
    }

    private static IllegalStateException alreadyOpen(Path root, Exception cause) {
        return new IllegalStateException("Stream log " + root + " is already open", cause);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing useful to do; the lock goes with the process anyway
            }
        }
    }
}
