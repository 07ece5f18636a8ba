package io.brook.engine.operator.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The open sessions of a {@link SessionAggregationOperator}: for each key, a list in the order a
 * row tries them, and a queue of their ends, so that the watermark closes them in order. A
 * session ends at its last row's time plus the idle gap, or at its start plus the max length if
 * that is earlier.
 */
final class OpenSessions {
    private final long gap;
    private final long maxLength;
    /** The first open session of each key; the others follow through {@link Session#nextOfKey}. */
    private Session[] firstByKey = new Session[16];
    /** Each session's end, and again each time its end moves; stale entries are skipped. */
    private final PriorityQueue<Pending> closing = new PriorityQueue<>(Comparator.comparingLong(Pending::closeAt));
    private int count;

    private record Pending(long closeAt, Session session) {
    }

    OpenSessions(long gap, long maxLength) {
        this.gap = gap;
        this.maxLength = maxLength;
    }

    /** Where {@code session} ends, as its rows stand. */
    long end(Session session) {
        return Math.min(session.last + gap, session.start + maxLength);
    }

    /** How many sessions are open. */
    int count() {
        return count;
    }

    /**
     * The open session of {@code key} that {@code time} extends, or null; on the way, moves to
     * {@code closed} those of the key whose end the watermark {@code mark} reached.
     */
    Session join(int key, long time, long mark, List<Session> closed) {
        Session previous = null;
        Session session = key < firstByKey.length ? firstByKey[key] : null;
        while (session != null) {
            Session next = session.nextOfKey;
            if (end(session) <= mark) {
                unlink(key, previous, session);
                markClosed(session, closed);
            } else {
                long start = Math.min(session.start, time);
                long last = Math.max(session.last, time);
                if (time > session.start - gap && time < session.last + gap && last - start < maxLength) {
                    long before = end(session);
                    session.start = start;
                    session.last = last;
                    if (end(session) != before) {
                        closing.add(new Pending(end(session), session));
                    }
                    return session;
                }
                previous = session;
            }
            session = next;
        }
        return null;
    }

    /** Adds a new session: the first one its key's rows try. */
    void add(Session session) {
        count++;
        link(session);
        closing.add(new Pending(end(session), session));
    }

    /** Moves the sessions whose end the watermark {@code mark} reached to {@code closed}. */
    void collectClosed(long mark, List<Session> closed) {
        while (!closing.isEmpty() && closing.peek().closeAt() <= mark) {
            Session session = closing.poll().session();
            if (!session.closed && end(session) <= mark) {
                Session previous = null;
                for (Session other = firstByKey[session.key]; other != session; other = other.nextOfKey) {
                    previous = other;
                }
                unlink(session.key, previous, session);
                markClosed(session, closed);
            }
        }
    }

    /** The latest end of an open session; {@link Long#MIN_VALUE} when none is open. */
    long latestEnd() {
        long latest = Long.MIN_VALUE;
        for (Pending pending : closing) {
            if (!pending.session().closed) {
                latest = Math.max(latest, end(pending.session()));
            }
        }
        return latest;
    }

    /** The open sessions, key by key, each key's in the order a row tries them. */
    List<Session> inKeyOrder() {
        List<Session> open = new ArrayList<>();
        for (Session first : firstByKey) {
            for (Session session = first; session != null; session = session.nextOfKey) {
                open.add(session);
            }
        }
        return open;
    }

    /** Takes back the sessions of a checkpoint, as {@link #inKeyOrder()} listed them. */
    void restore(Session[] restored) {
        for (Session session : restored) {
            count++;
            closing.add(new Pending(end(session), session));
        }
        // pushed in reverse, each key's sessions come back in the order a row tries them
        for (int index = restored.length - 1; index >= 0; index--) {
            link(restored[index]);
        }
    }

    private void link(Session session) {
        if (session.key >= firstByKey.length) {
            firstByKey = Arrays.copyOf(firstByKey, Math.max(session.key + 1, firstByKey.length * 2));
        }
        session.nextOfKey = firstByKey[session.key];
        firstByKey[session.key] = session;
    }

    private void unlink(int key, Session previous, Session session) {
        if (previous == null) {
            firstByKey[key] = session.nextOfKey;
        } else {
            previous.nextOfKey = session.nextOfKey;
        }
        session.nextOfKey = null;
    }

    private void markClosed(Session session, List<Session> closed) {
        session.closed = true;
        count--;
        closed.add(session);
    }
}
