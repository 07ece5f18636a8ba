package io.brook.connector.pulsar;

import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;

/**
 * {@code _tp_sn} of a Pulsar message: its position in its topic (or partition) as one int64,
 * {@code ledgerId << 40 | entryId << 12 | (batchIndex + 1)}. A topic's ledgers have rising ids
 * and entries rising ids within a ledger, so the number rises with the message's position; the
 * messages of one batched entry are told apart by their batch index (-1 when not batched).
 * It holds ledger ids below 2^23, entry ids below 2^28 (a ledger rolls over long before: 50,000
 * entries by default) and batches of up to 4,095 messages. The partition is not part of it: on
 * a partitioned topic each partition has its own numbers.
 */
final class SequenceNumbers {
    static final int ENTRY_SHIFT = 12;
    static final int LEDGER_SHIFT = 40;

    private SequenceNumbers() {
    }

    static long of(MessageId id) {
        if (!(id instanceof MessageIdAdv position)) {
            return -1;
        }
        return (position.getLedgerId() << LEDGER_SHIFT)
                | ((position.getEntryId() & ((1L << (LEDGER_SHIFT - ENTRY_SHIFT)) - 1)) << ENTRY_SHIFT)
                | ((position.getBatchIndex() + 1) & ((1L << ENTRY_SHIFT) - 1));
    }
}
