package io.brook.connector.kafka;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Where a read starts in each assigned partition: {@code seek_to}, or a {@code _tp_time} lower bound. */
final class Seeks {
    private Seeks() {
    }

    /**
     * {@code earliest}, {@code latest}, or one offset per assigned partition in the order of
     * {@code partitions}. A streaming read at latest with a lower bound on {@code _tp_time}
     * starts at the first message at or after that time instead.
     */
    static void apply(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, String seekTo,
                      OptionalLong timeLowerBoundMillis) {
        switch (seekTo) {
            case "earliest" -> consumer.seekToBeginning(partitions);
            case "latest" -> {
                if (timeLowerBoundMillis.isPresent()) {
                    seekToTime(consumer, partitions, timeLowerBoundMillis.getAsLong());
                } else {
                    consumer.seekToEnd(partitions);
                }
            }
            default -> seekToOffsets(consumer, partitions, seekTo);
        }
        // positions are resolved lazily; resolving them now pins the start before the query reports it is running
        partitions.forEach(consumer::position);
    }

    private static void seekToOffsets(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, String seekTo) {
        String[] offsets = seekTo.split(",", -1);
        if (offsets.length != partitions.size()) {
            throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + seekTo
                    + "' for setting `seek_to`: " + offsets.length + " offsets for " + partitions.size() + " partitions");
        }
        for (int index = 0; index < offsets.length; index++) {
            consumer.seek(partitions.get(index), Long.parseLong(offsets[index].strip()));
        }
    }

    private static void seekToTime(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, long millis) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, millis));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }
}
