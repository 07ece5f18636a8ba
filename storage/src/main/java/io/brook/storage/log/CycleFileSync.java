package io.brook.storage.log;

import io.brook.storage.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces the cycle file an append just wrote to disk, for logs that promise to survive power
 * loss. Chronicle writes through a memory mapping; on Linux an fsync of the file flushes the
 * mapping's dirty pages, and doing it on the whole file also covers Chronicle's index pages, which
 * live outside the excerpt. A new cycle file also gets its directory entry forced once.
 */
final class CycleFileSync implements AutoCloseable {
    private Path file;
    private FileChannel channel;

    void force(File current) {
        Path path = current.toPath();
        try {
            // an interrupted thread closes the channel it used; reopen rather than fail forever
            if (channel == null || !channel.isOpen() || !path.equals(file)) {
                close();
                channel = FileChannel.open(path, StandardOpenOption.READ);
                file = path;
                AtomicFiles.forceDirectory(path.getParent());
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot force " + path + " to disk", e);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only channel: nothing was buffered
            }
            channel = null;
        }
    }
}
