package io.brook.connector.pulsar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.pulsar.client.api.MessageId;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of where a pulsar read would continue, kept by a materialized view's checkpoint: for
 * each partition with a known position, {@code index:id}, comma separated, where id is the
 * message id ({@link MessageId#toByteArray()}, base64) the read goes on right after and index is
 * the partition's (-1 for a topic without partitions). A partition not named is read from its
 * beginning.
 */
final class ResumePosition {
    private ResumePosition() {
    }

    /** The text for the positions of {@code partitions}. */
    static String of(List<PartitionRead> partitions) {
        StringBuilder text = new StringBuilder();
        for (PartitionRead partition : partitions) {
            MessageId position = partition.position;
            if (position != null) {
                text.append(text.isEmpty() ? "" : ",").append(partition.index).append(':')
                        .append(Base64.getEncoder().encodeToString(position.toByteArray()));
            }
        }
        return text.toString();
    }

    /** The message ids of a text {@link #of} made, by partition index. */
    static Map<Integer, MessageId> parse(String text) {
        Map<Integer, MessageId> ids = new HashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            try {
                ids.put(Integer.parseInt(part.substring(0, colon).strip()),
                        MessageId.fromByteArray(Base64.getDecoder().decode(part.substring(colon + 1).strip())));
            } catch (RuntimeException | IOException e) {
                throw new BrookException(ErrorCode.LOGICAL_ERROR, "Invalid pulsar resume position '" + text + "'");
            }
        }
        return ids;
    }
}
