package io.brook.engine.operator.window;

/**
 * One open session of a {@link SessionAggregationOperator}: its key, its number (a group key of
 * its generation's state), where its rows are aggregated, its first and last row times, and the
 * next open session of the same key.
 */
final class Session {
    final int key;
    final long number;
    final SessionGeneration generation;
    long start;
    long last;
    int group = -1;
    boolean closed;
    Session nextOfKey;

    Session(int key, long number, SessionGeneration generation, long time) {
        this.key = key;
        this.number = number;
        this.generation = generation;
        this.start = time;
        this.last = time;
    }
}
