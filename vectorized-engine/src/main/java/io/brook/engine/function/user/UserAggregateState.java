package io.brook.engine.function.user;

import org.apache.arrow.vector.FieldVector;

import java.util.List;

/** The state of one group of a user aggregate function. */
public interface UserAggregateState extends AutoCloseable {

    /** Adds {@code rowCount} dense rows of the group's argument values. */
    void process(List<FieldVector> arguments, int rowCount);

    /** Writes the group's result into {@code output} at {@code index}. */
    void finalizeInto(FieldVector output, int index);

    byte[] serialize();

    void deserialize(byte[] data);

    @Override
    void close();
}
