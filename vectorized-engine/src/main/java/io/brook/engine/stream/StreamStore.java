package io.brook.engine.stream;

import io.brook.storage.log.ChronicleStreamLog;
import io.brook.storage.log.LogSettings;
import io.brook.storage.log.StreamLog;
import org.apache.arrow.vector.types.pojo.Schema;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where streams' logs live: {@code <data>/streams/<name>/}, one Chronicle queue each. Names
 * are encoded so any identifier makes a safe directory name.
 */
public final class StreamStore {
    private final Path root;

    public StreamStore(Path dataDirectory) {
        this.root = dataDirectory.resolve("streams");
    }

    public StreamLog create(String name, Schema schema, LogSettings settings) {
        Path directory = directory(name);
        ChronicleStreamLog.delete(directory);
        return ChronicleStreamLog.create(directory, schema, settings);
    }

    public StreamLog open(String name, LogSettings settings) {
        return ChronicleStreamLog.open(directory(name), settings);
    }

    public void delete(String name) {
        ChronicleStreamLog.delete(directory(name));
    }

    private Path directory(String name) {
        return root.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8));
    }
}
