package io.brook.engine.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ViewCheckpointTest {

    @Test
    void roundTripsThroughBytes() {
        ViewCheckpoint checkpoint = new ViewCheckpoint(42, 7, -1,
                List.of(new ViewCheckpoint.OperatorState(2, new byte[] {1, 2, 3})), 1_000);
        ViewCheckpoint read = ViewCheckpoint.decode(checkpoint.encode());
        assertEquals(42, read.sourcePosition());
        assertEquals(7, read.targetPosition());
        assertEquals(-1, read.delivered());
        assertEquals(1_000, read.takenMillis());
        assertEquals(2, read.states().getFirst().operator());
        assertArrayEquals(new byte[] {1, 2, 3}, read.states().getFirst().bytes());
    }

    @Test
    void anExternalSourcePositionRoundTripsAndAnOlderCheckpointHasNone() throws Exception {
        ViewCheckpoint checkpoint = new ViewCheckpoint(-1, 3, -1, List.of(), 5, "0:17,1:4");
        assertEquals("0:17,1:4", ViewCheckpoint.decode(checkpoint.encode()).externalPosition());
        assertEquals("0:17,1:4", checkpoint.stoppedAfter(2).runningFrom(9).externalPosition());
        assertEquals(null, ViewCheckpoint.decode(new ViewCheckpoint(1, 2, 0, List.of(), 5).encode()).externalPosition());
        // a checkpoint written before external positions existed (version 1) reads as having none
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream output = new java.io.DataOutputStream(bytes)) {
            output.writeInt(0x42564350);
            output.writeInt(1);
            output.writeLong(42);
            output.writeLong(7);
            output.writeLong(0);
            output.writeLong(1_000);
            output.writeInt(0);
        }
        ViewCheckpoint old = ViewCheckpoint.decode(bytes.toByteArray());
        assertEquals(42, old.sourcePosition());
        assertEquals(null, old.externalPosition());
    }

    @Test
    void rowsToSkipAfterAStopOrACrash() {
        ViewCheckpoint stopped = new ViewCheckpoint(10, 100, 0, List.of(), 0);
        assertEquals(0, stopped.replayedRows(130), "a stop knows nothing of its own came after; others wrote 30");
        ViewCheckpoint stoppedInError = stopped.stoppedAfter(5);
        assertEquals(5, stoppedInError.replayedRows(130));
        ViewCheckpoint running = stoppedInError.runningFrom(130);
        assertEquals(125, running.targetPosition(), "the 5 delivered rows are the newest of the target");
        assertEquals(-1, running.delivered());
        assertEquals(5, running.replayedRows(130));
        assertEquals(12, running.replayedRows(137), "after a crash every newer row is the view's");
        ViewCheckpoint external = new ViewCheckpoint(10, -1, 0, List.of(), 0);
        assertEquals(0, external.stoppedAfter(5).replayedRows(0), "external sinks get rows again: at least once");
    }
}
