package io.brook.engine.view;

import io.brook.storage.checkpoint.CheckpointStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The views' checkpoints in the engine's {@link CheckpointStore}, one atomic file per view. */
final class ViewCheckpoints {
    private final CheckpointStore store;

    ViewCheckpoints(CheckpointStore store) {
        this.store = store;
    }

    void write(String view, ViewCheckpoint checkpoint) {
        store.write(fileName(view), checkpoint.encode());
    }

    Optional<ViewCheckpoint> read(String view) {
        return store.read(fileName(view)).map(ViewCheckpoint::decode);
    }

    void delete(String view) {
        store.delete(fileName(view));
    }

    /** Any identifier becomes a safe file name. */
    private static String fileName(String view) {
        return "view_" + URLEncoder.encode(view, StandardCharsets.UTF_8);
    }
}
