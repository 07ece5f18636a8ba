package io.brook.engine;

import io.brook.engine.sql.ast.Parameter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * Counts a statement's {@code ?} markers by walking its syntax tree. The tree is made of
 * records, so one generic walk covers every statement without a visitor per node type.
 */
final class ParameterCounter {
    private ParameterCounter() {
    }

    static int count(Object node) {
        int[] highest = {-1};
        walk(node, highest);
        return highest[0] + 1;
    }

    private static void walk(Object node, int[] highest) {
        switch (node) {
            case null -> {
            }
            case Parameter parameter -> highest[0] = Math.max(highest[0], parameter.index());
            case Collection<?> items -> items.forEach(item -> walk(item, highest));
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    walk(read(component, record), highest);
                }
            }
            default -> {
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
