package io.brook.engine.operator.aggregation;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.aggregate.GroupedAggregator;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.operator.hash.GroupByHash;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a hash aggregation accumulates: the groups (a {@link GroupByHash}, absent for a
 * global aggregation, which has the single group 0), one grouped state per aggregate call and a
 * distinct filter per DISTINCT call. Reads results without changing them and checkpoints to bytes.
 */
public final class AggregationState implements AutoCloseable {
    private final List<Expression> keys;
    private final List<AggregateCall> calls;
    private final QueryContext context;
    private final GroupByHash hash;
    private final GroupedAggregator[] aggregators;
    private final DistinctFilter[] distinctFilters;
    /** Calls that can add a filter's rows by a {@link RowMask}: plain columns, not DISTINCT. */
    private final boolean[] takesMask;
    private int[] groupIds = new int[0];

    public AggregationState(List<Expression> keys, List<AggregateCall> calls, QueryContext context) {
        this.keys = keys;
        this.calls = calls;
        this.context = context;
        this.aggregators = new GroupedAggregator[calls.size()];
        this.distinctFilters = new DistinctFilter[calls.size()];
        this.takesMask = new boolean[calls.size()];
        GroupByHash newHash = null;
        try {
            newHash = keys.isEmpty() ? null
                    : new GroupByHash(keys.stream().map(Expression::type).toList(), context.allocator());
            for (int index = 0; index < calls.size(); index++) {
                AggregateCall call = calls.get(index);
                aggregators[index] = call.createAggregator(context);
                aggregators[index].ensureGroups(1);
                if (call.distinct()) {
                    distinctFilters[index] = new DistinctFilter(
                            call.arguments().stream().map(Expression::type).toList(), context.allocator());
                }
                // an argument is read at every row of the chunk, so only a column is safe: a
                // computed one could fail (or cost) at rows the filter removes
                takesMask[index] = !call.distinct() && aggregators[index].takesMask()
                        && call.arguments().stream().allMatch(ColumnReference.class::isInstance);
            }
        } catch (RuntimeException e) {
            closeAll(newHash);
            throw e;
        }
        this.hash = newHash;
    }

    boolean isGlobal() {
        return hash == null;
    }

    public int groupCount() {
        return hash == null ? 1 : hash.groupCount();
    }

    /** Adds a chunk; returns the group of each live row (null for a global aggregation). */
    public int[] add(Chunk chunk) {
        int[] ids = hash == null ? null : assignGroups(chunk);
        int groups = groupCount();
        for (int index = 0; index < calls.size(); index++) {
            aggregators[index].ensureGroups(groups);
            addCall(index, chunk, ids, null);
        }
        return ids;
    }

    /**
     * A global aggregation with a fused filter: adds the rows of the dense {@code chunk} that
     * {@code mask} lets through. Calls that take the mask read it; the others get the passing
     * rows as a selection, made once for all of them.
     */
    void addPassing(Chunk chunk, RowMask mask) {
        Chunk passing = null;
        try {
            for (int index = 0; index < calls.size(); index++) {
                if (takesMask[index]) {
                    addCall(index, chunk, null, mask);
                } else {
                    if (passing == null) {
                        passing = chunk.withSelection(mask.positions(), mask.passingCount());
                    }
                    addCall(index, passing, null, null);
                }
            }
        } finally {
            if (passing != null) {
                passing.close();
            }
        }
    }

    private int[] assignGroups(Chunk chunk) {
        if (groupIds.length < chunk.size()) {
            groupIds = new int[chunk.size()];
        }
        ColumnValue[] values = new ColumnValue[keys.size()];
        try {
            FieldVector[] vectors = new FieldVector[keys.size()];
            for (int index = 0; index < values.length; index++) {
                values[index] = keys.get(index).evaluate(chunk, context);
                vectors[index] = values[index].vector();
            }
            hash.groupIds(vectors, chunk, groupIds);
            return groupIds;
        } finally {
            closeValues(values);
        }
    }

    /** Adds one call's arguments over {@code chunk}, through {@code mask} when it is not null. */
    private void addCall(int index, Chunk chunk, int[] ids, RowMask mask) {
        List<Expression> arguments = calls.get(index).arguments();
        ColumnValue[] values = new ColumnValue[arguments.size()];
        try {
            FieldVector[] vectors = new FieldVector[arguments.size()];
            for (int argument = 0; argument < values.length; argument++) {
                values[argument] = arguments.get(argument).evaluate(chunk, context);
                vectors[argument] = values[argument].vector();
            }
            if (mask != null) {
                aggregators[index].addMasked(vectors, mask);
                return;
            }
            if (distinctFilters[index] == null) {
                aggregators[index].add(vectors, chunk, ids);
                return;
            }
            DistinctFilter.Passed passed = distinctFilters[index].filter(vectors, chunk, ids);
            try (Chunk rows = passed.rows()) {
                if (!rows.isEmpty()) {
                    aggregators[index].add(vectors, rows, passed.groupIds());
                }
            }
        } finally {
            closeValues(values);
        }
    }

    /** A chunk of keys then aggregate results for {@code groups[from..from+count)}. */
    public Chunk results(int[] groups, int from, int count) {
        List<FieldVector> columns = new ArrayList<>(keys.size() + calls.size());
        try {
            if (hash != null) {
                writeKeys(groups, from, count, columns);
            }
            for (int index = 0; index < calls.size(); index++) {
                BrookType type = calls.get(index).type();
                FieldVector output = Vectors.allocate(calls.get(index).describe(), type, count, context.allocator());
                columns.add(output);
                aggregators[index].write(groups, from, count, output);
            }
            return Chunk.of(columns, count);
        } catch (RuntimeException e) {
            columns.forEach(FieldVector::close);
            throw e;
        }
    }

    /** Appends one vector per key column to {@code columns}, holding the keys of {@code groups[from..from+count)}. */
    private FieldVector[] writeKeys(int[] groups, int from, int count, List<FieldVector> columns) {
        FieldVector[] keyColumns = new FieldVector[keys.size()];
        for (int index = 0; index < keyColumns.length; index++) {
            keyColumns[index] = Vectors.allocate(keys.get(index).describe(), keys.get(index).type(), count, context.allocator());
            columns.add(keyColumns[index]);
        }
        hash.writeKeys(groups, from, count, keyColumns);
        return keyColumns;
    }

    /**
     * Finds or makes the group of this state for each of {@code partial}'s groups
     * {@code from..from+count)}, new groups in that order, and writes their ids to
     * {@code targets[from..from+count)}. {@code partial} has the same keys and calls.
     */
    void assignGroups(AggregationState partial, int from, int count, int[] targets) {
        if (hash == null) {
            targets[0] = 0;
            return;
        }
        int[] groups = new int[count];
        for (int index = 0; index < count; index++) {
            groups[index] = from + index;
        }
        List<FieldVector> columns = new ArrayList<>(keys.size());
        try {
            FieldVector[] keyColumns = partial.writeKeys(groups, 0, count, columns);
            try (Chunk partialKeys = Chunk.of(columns, count)) {
                columns.clear();
                int[] ids = new int[count];
                hash.groupIds(keyColumns, partialKeys, ids);
                System.arraycopy(ids, 0, targets, from, count);
            }
        } finally {
            columns.forEach(FieldVector::close);
        }
    }

    /** Folds {@code partial}'s aggregate states into this one: its group g into {@code targets[g]}. */
    void merge(AggregationState partial, int[] targets) {
        int groups = groupCount();
        for (int index = 0; index < calls.size(); index++) {
            aggregators[index].ensureGroups(groups);
            aggregators[index].merge(partial.aggregators[index], targets, partial.groupCount());
        }
    }

    public byte[] serialize() {
        int groups = groupCount();
        byte[][] sections = new byte[1 + 2 * calls.size()][];
        sections[0] = hash == null ? new byte[0] : hash.serialize();
        for (int index = 0; index < calls.size(); index++) {
            sections[1 + 2 * index] = aggregators[index].serialize(groups);
            sections[2 + 2 * index] = distinctFilters[index] == null ? new byte[0] : distinctFilters[index].serialize();
        }
        return StateBytes.write("aggregation", sections);
    }

    public void deserialize(byte[] data) {
        byte[][] sections = StateBytes.read("aggregation", data);
        if (sections.length != 1 + 2 * calls.size()) {
            throw new IllegalArgumentException("checkpoint is of another aggregation");
        }
        if (hash != null) {
            hash.deserialize(sections[0]);
        }
        int groups = groupCount();
        for (int index = 0; index < calls.size(); index++) {
            aggregators[index].ensureGroups(Math.max(1, groups));
            aggregators[index].deserialize(sections[1 + 2 * index], groups);
            if (distinctFilters[index] != null) {
                distinctFilters[index].deserialize(sections[2 + 2 * index]);
            }
        }
    }

    private static void closeValues(ColumnValue[] values) {
        for (ColumnValue value : values) {
            if (value != null) {
                value.close();
            }
        }
    }

    private void closeAll(GroupByHash groups) {
        if (groups != null) {
            groups.close();
        }
        for (int index = 0; index < aggregators.length; index++) {
            if (aggregators[index] != null) {
                aggregators[index].close();
            }
            if (distinctFilters[index] != null) {
                distinctFilters[index].close();
            }
        }
    }

    @Override
    public void close() {
        closeAll(hash);
    }
}
