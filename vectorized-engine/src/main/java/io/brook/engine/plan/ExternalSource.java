package io.brook.engine.plan;

import io.brook.engine.catalog.ExternalStreamEntry;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;

/** Reads an external stream through its type's source. */
public record ExternalSource(ExternalStreamEntry entry, ReadOptions options) implements SourcePlan {

    /** This read resumed where a materialized view's checkpoint says it got to. */
    public ExternalSource resumingAt(String position) {
        return new ExternalSource(entry, options.resumingFrom(position));
    }

    @Override
    public ChunkSource open(QueryContext context) {
        return entry.stream().openSource(context, options);
    }

    @Override
    public java.util.List<String> streams() {
        return java.util.List.of(entry.name());
    }

    @Override
    public String describe() {
        String start = "";
        if (!options.bounded() && options.seekTo() != null) {
            start = " from " + options.seekTo();
        } else if (!options.bounded() && options.timeLowerBoundMillis().isPresent()) {
            start = " from _tp_time " + java.time.Instant.ofEpochMilli(options.timeLowerBoundMillis().getAsLong());
        }
        return "external stream " + entry.name() + " (type " + entry.definition().settings().get("type") + ", "
                + (options.bounded() ? "bounded" : "streaming" + start) + ")";
    }
}
