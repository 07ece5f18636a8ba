package io.brook.python.function;

import io.brook.engine.function.user.UserAggregateGroups;
import io.brook.python.bridge.RowBatchDecoder;
import org.apache.arrow.vector.FieldVector;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The instances of one aggregate call, held by the bridge's {@code _Groups} object: each chunk
 * goes over in one call with its group runs, and each group's instance gets its slice of the
 * lists.
 */
final class PythonAggregateGroups implements UserAggregateGroups {
    private final PythonAggregateFunction.Shared shared;
    private final Value groups;

    PythonAggregateGroups(PythonAggregateFunction.Shared shared, Value groups) {
        this.shared = shared;
        this.groups = groups;
    }

    @Override
    public void process(List<FieldVector> arguments, int[] groupIds, int[] starts, int runs) {
        Object[] leading = {groups, groupIds, starts, runs};
        run(() -> shared.encoder.call(shared.process, arguments, starts[runs], leading), "aggregate function " + shared.name);
    }

    @Override
    public void finalizeInto(int[] groupIds, int from, int count, FieldVector output) {
        try {
            Value batch = shared.module.run(() -> shared.finalizeGroups.execute(groups, groupIds, from, count, shared.description));
            try (FieldVector result = shared.decoder.decodeColumns(batch, output.getAllocator()).getFirst()) {
                for (int index = 0; index < count; index++) {
                    output.copyFromSafe(index, index, result);
                }
                output.setValueCount(count);
            }
        } catch (PolyglotException e) {
            throw FunctionErrors.translate(shared.module, e, "finalize of aggregate function " + shared.name);
        }
    }

    @Override
    public byte[] serialize(int groupCount) {
        Value data = run(() -> shared.serialize.execute(groups, groupCount), "serialize of aggregate function " + shared.name);
        return RowBatchDecoder.bytes(data);
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        run(() -> shared.deserialize.execute(groups, text, groupCount), "deserialize of aggregate function " + shared.name);
    }

    private Value run(Supplier<Value> code, String what) {
        try {
            return shared.module.run(code);
        } catch (PolyglotException e) {
            throw FunctionErrors.translate(shared.module, e, what);
        }
    }

    @Override
    public void close() {
        // the instances go with the query's module
    }
}
