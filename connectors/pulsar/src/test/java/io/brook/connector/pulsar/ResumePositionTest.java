package io.brook.connector.pulsar;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;
import org.apache.pulsar.client.impl.BatchMessageIdImpl;
import org.apache.pulsar.client.impl.MessageIdImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The text of a pulsar read's resume position ({@link ResumePosition}) reads back exactly; no broker needed. */
@Timeout(30)
class ResumePositionTest {

    private static String encoded(MessageId id) {
        return Base64.getEncoder().encodeToString(id.toByteArray());
    }

    private static List<Long> parts(MessageId id) {
        MessageIdAdv adv = (MessageIdAdv) id;
        return List.of(adv.getLedgerId(), adv.getEntryId(), (long) adv.getBatchIndex(), (long) adv.getBatchSize());
    }

    @Test
    void messageIdsInsideAndOutsideBatchesReadBackPerPartition() {
        MessageId inBatch = new BatchMessageIdImpl(12, 345, 0, 6, 64, null);
        MessageId single = new MessageIdImpl(12, 400, 2);
        Map<Integer, MessageId> ids = ResumePosition.parse("0:" + encoded(inBatch) + ",2:" + encoded(single));
        assertEquals(List.of(0, 2), ids.keySet().stream().sorted().toList());
        assertEquals(List.of(12L, 345L, 6L, 64L), parts(ids.get(0)), "ledger, entry, batch index and size");
        assertEquals(List.of(12L, 400L, -1L, 0L), parts(ids.get(2)));
        assertEquals(Map.of(), ResumePosition.parse(""), "no partition named: each from its beginning");
        assertEquals(List.of(-1), List.copyOf(ResumePosition.parse("-1:" + encoded(single)).keySet()),
                "a topic without partitions is -1");
    }

    @Test
    void aDamagedPositionFailsAsALogicalError() {
        for (String text : List.of("0", "x:AAAA", "0:not base64!")) {
            BrookException failure = assertThrows(BrookException.class, () -> ResumePosition.parse(text), text);
            assertEquals(ErrorCode.LOGICAL_ERROR, failure.code());
        }
    }
}
