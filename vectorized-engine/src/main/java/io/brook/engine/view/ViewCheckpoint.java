package io.brook.engine.view;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a materialized view needs to resume: where its read of the source stream got to, how far
 * the target stream's log was, and the state of its stateful operators, all taken between two
 * chunks so they agree with each other.
 *
 * @param sourcePosition the next {@code _tp_sn} of the source to read; -1 when the view starts
 *                       where its query says (an external source, or no row read yet after a
 *                       time bound)
 * @param targetPosition the target stream's next {@code _tp_sn} when taken; -1 for an external
 *                       target
 * @param delivered      how many of the view's rows the target holds past {@code targetPosition}
 *                       that reading again from {@code sourcePosition} will produce again; -1
 *                       when not known because the view kept running after this checkpoint,
 *                       and then every target row past {@code targetPosition} counts
 * @param states         the state of each checkpointable operator, by its place in the pipeline
 * @param takenMillis    when it was taken
 * @param externalPosition where the read of an external source got to, as text its type
 *                       understands (Kafka offsets per partition); null when it has none
 */
record ViewCheckpoint(long sourcePosition, long targetPosition, long delivered, List<OperatorState> states,
                      long takenMillis, String externalPosition) {
    private static final int MAGIC = 0x42564350;
    /** Version 2 added the external position; version 1 checkpoints are read as having none. */
    private static final int VERSION = 2;

    ViewCheckpoint {
        states = List.copyOf(states);
    }

    ViewCheckpoint(long sourcePosition, long targetPosition, long delivered, List<OperatorState> states, long takenMillis) {
        this(sourcePosition, targetPosition, delivered, states, takenMillis, null);
    }

    /** One operator's state: its index in the view's operator list and its bytes. */
    record OperatorState(int operator, byte[] bytes) {
    }

    /**
     * Rows the next run must not write again because the target already has them:
     * {@code delivered} when known, else the rows the target got after {@code targetPosition}.
     */
    long replayedRows(long targetEnd) {
        if (targetPosition < 0) {
            return 0;
        }
        return delivered >= 0 ? delivered : Math.max(0, targetEnd - targetPosition);
    }

    /** This checkpoint after the view delivered {@code rows} more rows and stopped. */
    ViewCheckpoint stoppedAfter(long rows) {
        return new ViewCheckpoint(sourcePosition, targetPosition, targetPosition < 0 ? 0 : rows, states, takenMillis,
                externalPosition);
    }

    /**
     * This checkpoint as a run that goes on from it must leave it: the {@code delivered} rows
     * counted as the last rows of the target, which ends at {@code targetEnd} now.
     */
    ViewCheckpoint runningFrom(long targetEnd) {
        if (delivered < 0 || targetPosition < 0) {
            return this;
        }
        return new ViewCheckpoint(sourcePosition, targetEnd - delivered, -1, states, takenMillis, externalPosition);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream output = new DataOutputStream(bytes)) {
            output.writeInt(MAGIC);
            output.writeInt(VERSION);
            output.writeLong(sourcePosition);
            output.writeLong(targetPosition);
            output.writeLong(delivered);
            output.writeLong(takenMillis);
            output.writeInt(states.size());
            for (OperatorState state : states) {
                output.writeInt(state.operator());
                output.writeInt(state.bytes().length);
                output.write(state.bytes());
            }
            output.writeBoolean(externalPosition != null);
            if (externalPosition != null) {
                output.writeUTF(externalPosition);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ViewCheckpoint decode(byte[] data) {
        try (DataInputStream input = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = input.readInt() == MAGIC ? input.readInt() : -1;
            if (version != 1 && version != VERSION) {
                throw new IOException("not a view checkpoint of version 1 or " + VERSION);
            }
            long source = input.readLong();
            long target = input.readLong();
            long delivered = input.readLong();
            long taken = input.readLong();
            int count = input.readInt();
            List<OperatorState> states = new ArrayList<>(count);
            for (int index = 0; index < count; index++) {
                int operator = input.readInt();
                byte[] state = new byte[input.readInt()];
                input.readFully(state);
                states.add(new OperatorState(operator, state));
            }
            String external = version >= 2 && input.readBoolean() ? input.readUTF() : null;
            return new ViewCheckpoint(source, target, delivered, states, taken, external);
        } catch (IOException e) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "Corrupt materialized view checkpoint: " + e.getMessage(), e);
        }
    }
}
