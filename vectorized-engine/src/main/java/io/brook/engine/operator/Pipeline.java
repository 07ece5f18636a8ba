package io.brook.engine.operator;

import io.brook.engine.query.QueryContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A planned chain of steps: chunks flow from the first factory's operator to the last and then
 * into a sink. Instantiating builds the chain back to front, so each operator gets its
 * downstream; the same pipeline can be instantiated again (a view restarting).
 */
public final class Pipeline {
    private final List<OperatorFactory> factories;

    public Pipeline(List<OperatorFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    public List<OperatorFactory> factories() {
        return factories;
    }

    /** The first operator of a fresh chain ending in {@code sink}; closing it closes the chain. */
    public Operator instantiate(QueryContext context, Operator sink) {
        Operator next = sink;
        List<Operator> created = new ArrayList<>();
        try {
            for (int index = factories.size() - 1; index >= 0; index--) {
                next = factories.get(index).create(context, next);
                created.add(next);
            }
            return next;
        } catch (RuntimeException e) {
            // each operator closes its downstream, so closing the last one made closes them all
            if (!created.isEmpty()) {
                created.getLast().close();
            } else {
                sink.close();
            }
            throw e;
        }
    }

    /** One line per step, first step first. */
    public List<String> explain() {
        List<String> lines = new ArrayList<>();
        for (OperatorFactory factory : factories) {
            lines.add(factory.describe());
        }
        return lines;
    }
}
