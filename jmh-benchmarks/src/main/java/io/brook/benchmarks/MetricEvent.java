package io.brook.benchmarks;

/** The event Esper receives: one row of {@link WindowData}, with JavaBean getters for EPL. */
public final class MetricEvent {
    private final long eventMillis;
    private final String host;
    private final double value;

    MetricEvent(long eventMillis, String host, double value) {
        this.eventMillis = eventMillis;
        this.host = host;
        this.value = value;
    }

    public long getEventMillis() {
        return eventMillis;
    }

    public String getHost() {
        return host;
    }

    public double getValue() {
        return value;
    }
}
