package io.brook.storage.log;

import io.brook.storage.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The oldest entry retention keeps. Entries before it are logically gone even while their cycle
 * file still exists (files go only when all their entries are gone), so cursors skip anything
 * below {@link #sn()}. It is persisted before any file is deleted, so a restart never
 * resurrects removed entries.
 *
 * @param sn             first sn kept
 * @param chronicleIndex Chronicle index of the entry starting at {@code sn}, or {@link #NO_INDEX}
 *                       when not known (nothing retained yet or everything removed); readers then
 *                       start from the queue's start and skip by sn
 * @param byteOffset     byte offset of that entry (see {@link StoredHeader#byteOffset()})
 */
record RetentionFloor(long sn, long chronicleIndex, long byteOffset) {
    static final long NO_INDEX = -1;
    static final RetentionFloor EMPTY = new RetentionFloor(0, NO_INDEX, 0);

    /** The floor at an entry that is kept. */
    static RetentionFloor at(StoredHeader header, long chronicleIndex) {
        return new RetentionFloor(header.firstSn(), chronicleIndex, header.byteOffset());
    }

    /** The floor just after an entry that is removed, where the next entry will start. */
    static RetentionFloor after(StoredHeader header) {
        return new RetentionFloor(header.endSn(), NO_INDEX, header.endByteOffset());
    }

    boolean hasIndex() {
        return chronicleIndex != NO_INDEX;
    }

    static Optional<RetentionFloor> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            return Optional.of(new RetentionFloor(
                    Long.parseLong(properties.getProperty("sn")),
                    Long.parseLong(properties.getProperty("chronicleIndex")),
                    Long.parseLong(properties.getProperty("byteOffset"))));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Retention floor file " + file + " is corrupt", e);
        }
    }

    void write(Path file) {
        String text = "sn=" + sn + "\nchronicleIndex=" + chronicleIndex + "\nbyteOffset=" + byteOffset + "\n";
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
