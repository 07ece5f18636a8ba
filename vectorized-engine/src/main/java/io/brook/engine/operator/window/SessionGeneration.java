package io.brook.engine.operator.window;

import io.brook.engine.operator.aggregation.AggregationState;

import java.util.Arrays;

/**
 * One aggregation state for the sessions opened while it was the newest, with the rows of the
 * current chunk that go to it; freed once all its sessions have closed.
 */
final class SessionGeneration {
    final AggregationState state;
    int created;
    int open;
    int[] positions = new int[16];
    Session[] sessions = new Session[16];
    int count;

    SessionGeneration(AggregationState state) {
        this.state = state;
    }

    void add(int position, Session session) {
        if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
            sessions = Arrays.copyOf(sessions, count * 2);
        }
        positions[count] = position;
        sessions[count++] = session;
    }

    /** Forgets the current chunk's rows. */
    void clearRows() {
        count = 0;
        Arrays.fill(sessions, null);
    }
}
