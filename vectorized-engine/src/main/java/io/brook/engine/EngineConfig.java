package io.brook.engine;

import java.nio.file.Path;

/**
 * Where an engine keeps its data: a directory ({@code jdbc:brook:file:<dir>}) or nowhere
 * durable ({@code jdbc:brook:mem:<name>}, kept in a temporary directory removed on close).
 */
public record EngineConfig(Path dataDirectory, String memoryName, long maxMemoryBytes) {

    public static EngineConfig file(Path directory) {
        return new EngineConfig(directory.toAbsolutePath().normalize(), null, Long.MAX_VALUE);
    }

    public static EngineConfig memory(String name) {
        return new EngineConfig(null, name, Long.MAX_VALUE);
    }

    public boolean inMemory() {
        return dataDirectory == null;
    }

    /** The key under which one JVM shares one engine per URL. */
    public String identity() {
        return inMemory() ? "mem:" + memoryName : "file:" + dataDirectory;
    }
}
