package io.brook.engine.plan;

import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.engine.stream.LogChunkSource;
import io.brook.engine.stream.StreamTable;
import io.brook.storage.log.LogStart;

/** Reads a stream's log: bounded for {@code table(s)}, else tailing from {@code start}. */
public record StreamSource(StreamTable stream, LogStart start, boolean bounded, boolean withSequence) implements SourcePlan {

    @Override
    public ChunkSource open(QueryContext context) {
        return new LogChunkSource(stream, start, bounded, withSequence, context);
    }

    @Override
    public java.util.List<String> streams() {
        return java.util.List.of(stream.name());
    }

    /** The same read starting at {@code sn}, where a materialized view's checkpoint left off. */
    public StreamSource startingAt(long sn) {
        return new StreamSource(stream, LogStart.fromSn(sn), bounded, withSequence);
    }

    @Override
    public String describe() {
        return (bounded ? "scan " : "tail ") + stream.name() + " from " + describe(start)
                + (withSequence ? " with _tp_sn" : "");
    }

    static String describe(LogStart start) {
        return switch (start) {
            case LogStart.Earliest ignored -> "earliest";
            case LogStart.Latest ignored -> "latest";
            case LogStart.FromSn fromSn -> "_tp_sn " + fromSn.sn();
            case LogStart.FromTime fromTime -> "_tp_time " + java.time.Instant.ofEpochMilli(fromTime.millis());
        };
    }
}
