package io.brook.storage.log;

import io.brook.storage.ChronicleSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes whole Chronicle cycle files once retention has removed all their entries. A file's name
 * is its cycle's start time in the roll cycle's format (UTC, epoch 0, as Brook builds its queues),
 * so the directory itself says which files are old; Chronicle's own cycle listing is not used
 * because it insists that both ends of a range exist. Deleting a file that a lagging reader still
 * maps is safe on Linux (the mapping lives until released); where the platform refuses, the file
 * is left for the next retention pass.
 */
final class CycleFiles {
    static {
        ChronicleSettings.disableTelemetry();
    }

    private static final Logger LOG = LoggerFactory.getLogger(CycleFiles.class);
    private static final String SUFFIX = ".cq4";

    private final SingleChronicleQueue queue;
    private final Path directory;
    private final RollCycle rollCycle;
    private final DateTimeFormatter names;

    CycleFiles(SingleChronicleQueue queue, Path directory) {
        this.queue = queue;
        this.directory = directory;
        this.rollCycle = queue.rollCycle();
        this.names = DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC);
    }

    int cycleOf(long chronicleIndex) {
        return rollCycle.toCycle(chronicleIndex);
    }

    /** Deletes the files of all cycles before {@code cycle}; returns how many went. */
    int deleteBefore(int cycle) {
        int deleted = 0;
        for (Path file : listFiles()) {
            long fileCycle = cycleOf(file);
            if (fileCycle >= 0 && fileCycle < cycle) {
                try {
                    Files.deleteIfExists(file);
                    deleted++;
                } catch (IOException e) {
                    LOG.debug("Cannot delete expired log file {} yet; will retry", file, e);
                }
            }
        }
        if (deleted > 0) {
            queue.refreshDirectoryListing();
            LOG.debug("Deleted {} expired log files in {}", deleted, directory);
        }
        return deleted;
    }

    private List<Path> listFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    /** The cycle a file's name denotes, or -1 for a name that is not a cycle file of this queue. */
    private long cycleOf(Path file) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - SUFFIX.length());
        try {
            TemporalAccessor parsed = names.parseBest(stem, LocalDateTime::from, LocalDate::from);
            LocalDateTime start = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
            return start.toInstant(ZoneOffset.UTC).toEpochMilli() / rollCycle.lengthInMillis();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
